using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace AiEngineer.Web.Tests.Infrastructure;

/// <summary>A real SMTP server, in-process on 127.0.0.1. It can be stopped and started again on the same port to play an outage.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private SmtpServerHost? _server;
    private CancellationTokenSource? _cts;
    private Task? _running;

    public int Port { get; }
    public IReadOnlyCollection<MimeMessage> Messages => _messages;

    public SmtpSink()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public bool IsRunning => _server is not null;

    public void Start()
    {
        if (_server is not null) return;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServiceProvider();
        services.Add(new Store(_messages));
        _server = new SmtpServerHost(options, services);
        _cts = new CancellationTokenSource();
        _running = _server.StartAsync(_cts.Token);
        WaitUntilListening();
    }

    public async Task StopAsync()
    {
        if (_server is null) return;
        _server.Shutdown();
        await _cts!.CancelAsync();
        try { await _running!.WaitAsync(TimeSpan.FromSeconds(5)); } catch (OperationCanceledException) { }
        _server = null;
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        _messages.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until a message to <paramref name="address"/> has arrived and returns the latest.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool>? match = null, int timeoutSeconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var found = To(address).LastOrDefault(m => match?.Invoke(m) ?? true);
            if (found is not null) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No email to {address} arrived within {timeoutSeconds} s (got {_messages.Count} in all).");
    }

    /// <summary>The path and query of the first link in the message's HTML whose address contains <paramref name="pathPart"/>.</summary>
    public static string LinkIn(MimeMessage message, string pathPart)
    {
        var link = System.Text.RegularExpressions.Regex.Matches(message.HtmlBody ?? "", "href=[\"']([^\"']+)[\"']")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).FirstOrDefault(h => h.Contains(pathPart));
        return link is null ? throw new InvalidOperationException($"No link to {pathPart} in the email.") : new Uri(link).PathAndQuery;
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived in all.</summary>
    public async Task WaitForCountAsync(int count, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (_messages.Count < count && DateTime.UtcNow < deadline) await Task.Delay(50);
        if (_messages.Count < count) throw new TimeoutException($"Expected {count} emails, got {_messages.Count}.");
    }

    private void WaitUntilListening()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }
        throw new InvalidOperationException("The test SMTP server did not start.");
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Keeps every message; refuses recipients whose address starts with "reject" with a permanent 554.</summary>
    private sealed class Store(ConcurrentQueue<MimeMessage> sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            if (transaction.To.Any(m => m.User.StartsWith("reject", StringComparison.OrdinalIgnoreCase)))
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "Mailbox unavailable");
            await using var stream = new MemoryStream();
            foreach (var segment in buffer) await stream.WriteAsync(segment, ct);
            stream.Position = 0;
            sink.Enqueue(await MimeMessage.LoadAsync(stream, ct));
            return SmtpResponse.Ok;
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AiEngineer.ClusterTests.Infrastructure;

/// <summary>
/// A redis-server of the test's own on a free loopback port, nothing saved to disk, stopped with the test. Redis comes
/// from Debian (`apt-get install -y redis-server`, which .ci/run does); without it the test says how to get it.
/// </summary>
public sealed class PrivateRedis : IAsyncDisposable
{
    public static readonly string ServerPath = Environment.GetEnvironmentVariable("AIE_REDIS_SERVER") is { Length: > 0 } p ? p : "/usr/bin/redis-server";

    private readonly Process _process;

    private PrivateRedis(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>For <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<PrivateRedis> StartAsync(int port = 0)
    {
        if (!File.Exists(ServerPath))
            throw new InvalidOperationException($"redis-server was not found at {ServerPath}. Install it with `apt-get install -y redis-server` (or point AIE_REDIS_SERVER at one).");
        if (port == 0) port = FreePort();
        var start = new ProcessStartInfo(ServerPath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning" })
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"redis-server exited with {process.ExitCode}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new PrivateRedis(process, port);
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(20);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

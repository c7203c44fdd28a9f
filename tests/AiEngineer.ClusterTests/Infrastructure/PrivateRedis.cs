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

    /// <summary>
    /// Starts redis-server on <paramref name="port"/> (0: a free one). With <paramref name="directory"/> it loads what
    /// <see cref="ShutdownSavingAsync"/> left there, as a restart with persistence would.
    /// </summary>
    public static async Task<PrivateRedis> StartAsync(int port = 0, string? directory = null)
    {
        if (!File.Exists(ServerPath))
            throw new InvalidOperationException($"redis-server was not found at {ServerPath}. Install it with `apt-get install -y redis-server` (or point AIE_REDIS_SERVER at one).");
        if (port == 0) port = FreePort();
        var start = new ProcessStartInfo(ServerPath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning" })
            start.ArgumentList.Add(a);
        if (directory is not null)
            foreach (var a in new[] { "--dir", directory, "--dbfilename", "dump.rdb" })
                start.ArgumentList.Add(a);
        var process = await LaunchAsync(start, port, () => Task.FromResult("redis-server"));
        return new PrivateRedis(process, port);
    }

    /// <summary>Starts <paramref name="start"/> (its output read and dropped) and returns once it accepts connections on <paramref name="port"/>, within 10 s.</summary>
    internal static async Task<Process> LaunchAsync(ProcessStartInfo start, int port, Func<Task<string>> describe)
    {
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"{await describe()} exited with {process.ExitCode}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return process;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>SHUTDOWN SAVE: Redis writes what it holds to its directory, closes every connection and exits.</summary>
    public async Task ShutdownSavingAsync()
    {
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            await client.GetStream().WriteAsync("*2\r\n$8\r\nSHUTDOWN\r\n$4\r\nSAVE\r\n"u8.ToArray());
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
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

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AiEngineer.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the test's own (initdb into a temporary directory, pg_ctl on a free port), for tests that
/// stop and start the server: the shared CI server must stay up for the test classes running beside them. Uses the
/// newest /usr/lib/postgresql/*/bin. initdb and postgres refuse to run as root, so as root (CI) the commands run as the
/// postgres user through runuser, in a directory that user may write.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly int _port;

    private PrivatePostgres(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        _port = port;
    }

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>Trust authentication on 127.0.0.1 only: a throwaway server for one test.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=aie;Database=postgres";

    /// <summary>The directory holding initdb and pg_ctl, or null when PostgreSQL is not installed here.</summary>
    public static string? FindBinaries() =>
        !OperatingSystem.IsWindows() && Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
                .Where(x => File.Exists(Path.Combine(x.Bin, "initdb")) && File.Exists(Path.Combine(x.Bin, "pg_ctl")))
                .OrderByDescending(x => x.Version).Select(x => x.Bin).FirstOrDefault()
            : null;

    public static async Task<PrivatePostgres> StartAsync(string bin)
    {
        var root = Path.Combine(Path.GetTempPath(), $"aie-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        // The postgres user (as root) creates the data directory inside; the socket lives here too.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(root, (UnixFileMode)0b111_111_111);
        var server = new PrivatePostgres(bin, root, FreePort());
        await server.RunAsync("initdb", "-D", server.DataDirectory, "-U", "aie", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts (or restarts) the server and waits until it accepts connections.</summary>
    public Task StartAsync() => RunAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
        // fsync off: the server process is killed, never the machine, so what reached the OS survives; commits stay synchronous.
        "-o", $"-p {_port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=100 -c shared_buffers=32MB",
        "start");

    /// <summary>Stops the server the hard way (as a crash would): every connection is cut, in-flight transactions are lost.</summary>
    public Task StopAsync(string mode = "immediate") => RunAsync("pg_ctl", "-D", DataDirectory, "-m", mode, "-w", "-t", "60", "stop");

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(); } catch (InvalidOperationException) { /* already stopped */ }
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private async Task RunAsync(string tool, params string[] args)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(_bin, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        if (asRoot)
            foreach (var a in new[] { "-u", "postgres", "--", Path.Combine(_bin, tool) }) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_root, "server.log");
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited with {process.ExitCode}: {await stdout}{await stderr}" +
                (File.Exists(log) ? "\nserver.log:\n" + File.ReadAllText(log) : ""));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using AiEngineer.Web.Tests.Infrastructure;
using Npgsql;

namespace AiEngineer.ClusterTests.Infrastructure;

/// <summary>
/// The production picture (scripts/cluster.sh): nginx terminating TLS in front of two replica processes in Production,
/// on one PostgreSQL database and one Redis. .ci/run starts it and exports AIE_CLUSTER_URL and the rest (the script's
/// env file); without them this fixture runs the script itself, on free ports and a database of its own, and stops it
/// afterwards. Either way the tests talk to nginx only: the round-robin address, or the address pinned to one replica.
/// </summary>
public sealed class Cluster : IAsyncLifetime
{
    public Uri Url { get; private set; } = null!;
    /// <summary>nginx addresses that reach one replica each, in replica order.</summary>
    public IReadOnlyList<Uri> Pinned { get; private set; } = [];
    /// <summary>The replicas' own addresses as nginx names them in X-Upstream.</summary>
    public IReadOnlyList<string> Upstreams { get; private set; } = [];
    public string DatabaseConnectionString { get; private set; } = "";
    private X509Certificate2 _certificate = null!;
    private string? _ownDirectory;
    private string _directory = "";
    private PrivatePostgres? _server;

    public async Task InitializeAsync()
    {
        var env = Environment.GetEnvironmentVariable("AIE_CLUSTER_URL") is { Length: > 0 }
            ? Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "")
            : await StartOwnAsync();
        Url = new Uri(env["AIE_CLUSTER_URL"]);
        Pinned = env["AIE_CLUSTER_PINNED"].Split(',').Select(u => new Uri(u)).ToList();
        Upstreams = env["AIE_CLUSTER_UPSTREAMS"].Split(',');
        DatabaseConnectionString = env["AIE_CLUSTER_DATABASE"];
        _directory = env["AIE_CLUSTER_DIR"];
        _certificate = X509CertificateLoader.LoadCertificateFromFile(env["AIE_CLUSTER_CERT"]);
    }

    /// <summary>A client of <paramref name="address"/> that trusts the cluster's own certificate and no other, keeps cookies, and follows no redirects.</summary>
    public HttpClient Client(Uri address, CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies ?? new CookieContainer(),
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert is not null && cert.Thumbprint == _certificate.Thumbprint,
        };
        return new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Kills replica <paramref name="number"/> (1-based) with SIGKILL, as a crash or an evicted pod would stop it.</summary>
    public async Task KillReplicaAsync(int number) =>
        Assert.Equal(0, await ScriptAsync("kill", new() { ["AIE_CLUSTER_DIR"] = _directory }, number.ToString()));

    /// <summary>Starts replica <paramref name="number"/> again, and waits until it is ready and nginx sends it requests again
    /// (nginx keeps a failed server out for its fail_timeout, 5 s).</summary>
    public async Task ReviveReplicaAsync(int number)
    {
        Assert.Equal(0, await ScriptAsync("revive", new() { ["AIE_CLUSTER_DIR"] = _directory }, number.ToString()));
        var client = Client(Url);
        var until = DateTime.UtcNow.AddSeconds(30);
        while ((await client.GetAsync("/healthz")).Headers.GetValues("X-Upstream").Single() != Upstreams[number - 1])
        {
            Assert.True(DateTime.UtcNow < until, $"nginx sent nothing to replica {number} within 30 s of its start");
            await Task.Delay(100);
        }
    }

    /// <summary>The demo organizer (`seed-demo`), signed in through <paramref name="address"/>.</summary>
    public async Task<HttpClient> OrganizerAsync(Uri address)
    {
        var client = Client(address);
        var signedIn = await client.PostFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = "organizer@example.com", ["Input.Password"] = Web.Infrastructure.Database.DemoSeeder.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    /// <summary>A free ticket type (one per order) made through the organizer's form; returns its id.</summary>
    public async Task<int> AddFreeTypeAsync(HttpClient organizer, string name, int capacity)
    {
        var saved = await organizer.PostFormAsync("/admin/tickets/edit", new()
        {
            ["Input.Name"] = name, ["Input.Kind"] = "InPerson", ["Input.Price"] = "0", ["Input.Capacity"] = capacity.ToString(),
            ["Input.MinPerOrder"] = "1", ["Input.MaxPerOrder"] = "1", ["Input.SortOrder"] = "99",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return await SqlAsync<int>($"SELECT \"Id\" FROM \"TicketTypes\" WHERE \"Name\" = '{name}'");
    }

    public async Task<T> SqlAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<Dictionary<string, string>> StartOwnAsync()
    {
        string server;
        if (TestDatabase.UsePostgres)
            server = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresAdmin) { Database = null }.ConnectionString;
        else
        {
            var bin = PrivatePostgres.FindBinaries()
                ?? throw new InvalidOperationException("The replica suite needs PostgreSQL: set AIE_TEST_POSTGRES, or install it (`apt-get install -y postgresql`).");
            _server = await PrivatePostgres.StartAsync(bin);
            server = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = null }.ConnectionString;
        }
        _ownDirectory = Path.Combine(Path.GetTempPath(), $"aie-cluster-{Guid.NewGuid():N}");
        var port = FreeRun(3);
        var run = await ScriptAsync("start", new()
        {
            ["AIE_CLUSTER_DIR"] = _ownDirectory,
            ["AIE_CLUSTER_PG"] = server,
            ["AIE_CLUSTER_DB"] = $"aie_cluster_{Guid.NewGuid():N}"[..24],
            ["AIE_CLUSTER_PORT"] = port.ToString(),
            ["AIE_CLUSTER_APP_PORT"] = FreeRun(2).ToString(),
            ["AIE_CLUSTER_REDIS_PORT"] = PrivateRedis.FreePort().ToString(),
        });
        if (run != 0) throw new InvalidOperationException($"scripts/cluster.sh start exited with {run}; see {_ownDirectory}");
        return File.ReadAllLines(Path.Combine(_ownDirectory, "env"))
            .Select(l => l.Replace("export ", "").Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Trim('"'));
    }

    public async Task DisposeAsync()
    {
        if (_ownDirectory is not null)
        {
            await ScriptAsync("stop", new() { ["AIE_CLUSTER_DIR"] = _ownDirectory });
            try { Directory.Delete(_ownDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        if (_server is not null) await _server.DisposeAsync();
        _certificate?.Dispose();
    }

    private static async Task<int> ScriptAsync(string verb, Dictionary<string, string> env, string? argument = null)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(TestPaths.RepositoryRoot(), "scripts", "cluster.sh"));
        start.ArgumentList.Add(verb);
        if (argument is not null) start.ArgumentList.Add(argument);
        foreach (var (k, v) in env) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) Console.Error.WriteLine(await output + await error);
        return process.ExitCode;
    }

    /// <summary>The first of <paramref name="count"/> consecutive free loopback ports.</summary>
    private static int FreeRun(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Random.Shared.Next(20_000, 40_000);
            var listeners = new List<System.Net.Sockets.TcpListener>();
            try
            {
                for (var i = 0; i < count; i++)
                {
                    var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, first + i);
                    l.Start();
                    listeners.Add(l);
                }
                return first;
            }
            catch (System.Net.Sockets.SocketException)
            {
            }
            finally
            {
                foreach (var l in listeners) l.Stop();
            }
        }
        throw new InvalidOperationException("No run of free ports found");
    }
}

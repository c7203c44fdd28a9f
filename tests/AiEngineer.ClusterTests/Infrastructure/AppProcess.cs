using System.Diagnostics;
using System.Net;
using AiEngineer.Web.Tests.Infrastructure;

namespace AiEngineer.ClusterTests.Infrastructure;

/// <summary>
/// The app's own executable (the build beside the tests), as a deployment runs it: in Production, on
/// <paramref name="database"/>. <see cref="RunAsync"/> runs a command (migrate, seed-demo) to its end;
/// <see cref="StartAsync"/> starts a replica on a free loopback port and stops it with the test.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;

    private AppProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
        _output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync()).ContinueWith(t => string.Concat(t.Result));
    }

    public Uri Url { get; }

    public static async Task<(int Code, string Output)> RunAsync(TestDatabase database, string command)
    {
        using var process = Process.Start(Start(database, command))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>A replica that does not migrate (Database:MigrateOnStartup=false), as in a rolling deploy; returns once it answers /healthz.</summary>
    public static async Task<AppProcess> StartAsync(TestDatabase database)
    {
        var url = new Uri($"http://127.0.0.1:{PrivateRedis.FreePort()}");
        var start = Start(database, null);
        start.Environment["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        start.Environment["Database__MigrateOnStartup"] = "false";
        start.Environment["Proxy__KnownProxies__0"] = "127.0.0.1";
        start.Environment["Email__PickupDirectory"] = Directory.CreateTempSubdirectory("aie-mail-").FullName;
        start.Environment["Accounts__RequireTwoFactorForOrganizers"] = "false";
        var app = new AppProcess(Process.Start(start)!, url);
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (app._process.HasExited) throw new InvalidOperationException($"The app exited with {app._process.ExitCode}: {await app._output}");
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
            }
            Assert.True(DateTime.UtcNow < until, "the app did not answer /healthz within 60 s");
            await Task.Delay(100);
        }
    }

    private static ProcessStartInfo Start(TestDatabase database, string? command)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AiEngineer.Web.dll"));
        if (command is not null) start.ArgumentList.Add(command);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.Combine(TestPaths.RepositoryRoot(), "src", "AiEngineer.Web"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment[$"ConnectionStrings__{database.Provider}"] = database.ConnectionString;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        return start;
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
}

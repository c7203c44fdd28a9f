using System.Net;
using AiEngineer.ClusterTests.Infrastructure;
using AiEngineer.Web.Tests.Infrastructure;

namespace AiEngineer.ClusterTests;

/// <summary>
/// Rolling deploys: replicas start with Database:MigrateOnStartup=false and stay out of rotation (not ready) until the
/// deployment's one migrate step (`AiEngineer.Web migrate`, the real process) has brought the schema up to date. On
/// PostgreSQL, as replicas are (SQLite serves one instance, which migrates itself).
/// </summary>
public class MigrateStepTests
{
    [Fact]
    public async Task A_replica_is_not_ready_until_the_migrate_step_has_run_once()
    {
        await using var cluster = await ClusterDatabase.CreateAsync();
        var database = cluster.Database;
        await using var smtp = new SmtpSink();
        await using var site = new SiteFactory(database, smtp);
        site.Settings["Database:MigrateOnStartup"] = "false";
        var client = site.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var before = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Contains("\"schema\":\"Unhealthy\"", await before.Content.ReadAsStringAsync());

        var (code, output) = await AppProcess.RunAsync(database, "migrate");
        Assert.True(code == 0, output);
        Assert.Matches(@"\d+ migrations applied, the last \d+_\w+; 0 pending\.", output);

        var after = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("\"schema\":\"Healthy\"", await after.Content.ReadAsStringAsync());
        // A second run finds nothing to do.
        (code, output) = await AppProcess.RunAsync(database, "migrate");
        Assert.True(code == 0, output);
        Assert.Contains("; 0 pending.", output);
    }
}

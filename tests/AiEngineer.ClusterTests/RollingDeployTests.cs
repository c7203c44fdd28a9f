using System.Net;
using AiEngineer.ClusterTests.Infrastructure;
using AiEngineer.Web.Infrastructure.Site;

namespace AiEngineer.ClusterTests;

/// <summary>
/// A rolling deploy behind open-source nginx, which cannot probe readiness: a new replica started before the migrate
/// step answers 503 (ReadinessGate), so nginx passes visitors' requests on to a replica that is ready and leaves the new
/// one out; once the migrate step has run, the new replica serves. The ready replica is the cluster's replica 1; the new
/// one is a real process on a database of its own that has no schema yet.
/// </summary>
[Collection(ClusterCollection.Name)]
public class RollingDeployTests(Cluster cluster)
{
    [Fact]
    public async Task Nginx_keeps_visitors_off_a_replica_whose_migrations_have_not_run_and_sends_them_once_they_have()
    {
        await using var database = await ClusterDatabase.CreateAsync();
        await using var fresh = await AppProcess.StartAsync(database.Database);
        var freshAddress = $"{fresh.Url.Host}:{fresh.Url.Port}";
        var ready = cluster.Upstreams[0];

        // Asked directly, the new replica is alive, not ready, and turns pages away with the status page and Retry-After.
        using var direct = new HttpClient { BaseAddress = fresh.Url };
        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await direct.GetAsync("/healthz/ready")).StatusCode);
        var turnedAway = await direct.GetAsync("/tickets");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, turnedAway.StatusCode);
        Assert.Equal(ReadinessGate.RetryAfterSeconds.ToString(), turnedAway.Headers.GetValues("Retry-After").Single());
        Assert.Contains("Temporarily unavailable", await turnedAway.Content.ReadAsStringAsync());

        // Through nginx, with the new replica listed first: every visitor gets a page from the ready one.
        await using var nginx = await PrivateNginx.StartAsync([freshAddress, ready], failTimeoutSeconds: 2);
        using var visitor = new HttpClient { BaseAddress = nginx.Url };
        var tried = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var page = await visitor.GetAsync("/tickets");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var upstreams = page.Headers.GetValues("X-Upstream").Single();
            Assert.EndsWith(ready, upstreams, StringComparison.Ordinal);
            tried.Add(upstreams);
        }
        // nginx did try the new replica, heard 503 and passed the request on (and then left it out).
        Assert.Contains($"{freshAddress}, {ready}", tried);

        var (code, output) = await AppProcess.RunAsync(database.Database, "migrate");
        Assert.True(code == 0, output);
        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync("/healthz/ready")).StatusCode);
        // Once nginx's fail_timeout has passed, the new replica gets visitors again, and serves them.
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            // Only the new replica in X-Upstream: it answered, and with something other than 503.
            var page = await visitor.GetAsync("/tickets");
            if (page.Headers.GetValues("X-Upstream").Single() == freshAddress)
            {
                Assert.NotEqual(HttpStatusCode.ServiceUnavailable, page.StatusCode);
                break;
            }
            Assert.True(DateTime.UtcNow < until, "nginx sent nothing to the migrated replica within 20 s");
            await Task.Delay(100);
        }
    }
}

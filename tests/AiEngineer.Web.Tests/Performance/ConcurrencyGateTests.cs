using System.Net;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AiEngineer.Web.Tests.Performance;

/// <summary>The gate in front of the pages: beyond its limit requests wait their turn in order; beyond the queue they get a quick 503.</summary>
public class ConcurrencyGateTests
{
    private static async Task<(WebApplication App, HttpClient Client, TaskCompletionSource Release, List<string> Order)> StartAsync(int permits, int queue)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Server:MaxConcurrentRequests"] = permits.ToString(),
            ["Server:RequestQueueLimit"] = queue.ToString(),
        });
        builder.AddConcurrencyGate();
        var app = builder.Build();
        app.UseConcurrencyGate();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<string>();
        app.MapGet("/slow/{name}", async (string name) =>
        {
            lock (order) order.Add(name);
            await release.Task;
            return name;
        });
        app.MapGet("/healthz", () => "alive");
        await app.StartAsync();
        return (app, app.GetTestClient(), release, order);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition());
    }

    [Fact]
    public async Task Requests_beyond_the_limit_wait_their_turn_oldest_first_and_beyond_the_queue_get_a_quick_503()
    {
        var (app, client, release, order) = await StartAsync(permits: 1, queue: 2);
        await using var _ = app;

        var first = client.GetAsync("/slow/a");
        await WaitUntilAsync(() => order.Count == 1);
        var second = client.GetAsync("/slow/b");
        await Task.Delay(100);
        var third = client.GetAsync("/slow/c");
        await Task.Delay(100);
        Assert.Equal(["a"], order); // one at a time: b and c wait

        var refused = await client.GetAsync("/slow/d"); // the queue (2) is full
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("5", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal("alive", await client.GetStringAsync("/healthz")); // probes never wait

        release.SetResult();
        Assert.Equal("a", await (await first).Content.ReadAsStringAsync());
        Assert.Equal("b", await (await second).Content.ReadAsStringAsync());
        Assert.Equal("c", await (await third).Content.ReadAsStringAsync());
        Assert.Equal(["a", "b", "c"], order);
    }

    [Fact]
    public async Task A_limit_of_zero_turns_the_gate_off()
    {
        var (app, client, release, order) = await StartAsync(permits: 0, queue: 0);
        await using var _ = app;
        var all = Enumerable.Range(0, 5).Select(i => client.GetAsync($"/slow/{i}")).ToList();
        await WaitUntilAsync(() => order.Count == 5); // all five at once
        release.SetResult();
        foreach (var r in all) Assert.Equal(HttpStatusCode.OK, (await r).StatusCode);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.ClusterTests.Infrastructure;
using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Tickets;

namespace AiEngineer.ClusterTests;

/// <summary>
/// The replica suite: everything through nginx (TLS, round-robin), against two replica processes in Production with the
/// demo summit (`seed-demo`). An organizer acts through the address pinned to replica 1; visitors read through replica 2.
/// </summary>
[Collection(ClusterCollection.Name)]
public partial class BehindNginxTests(Cluster cluster)
{
    private async Task<string> PageAsync(Uri address, string path) =>
        WebUtility.HtmlDecode(await cluster.Client(address).GetStringAsync(path));

    [Fact]
    public async Task Nginx_shares_requests_between_both_replicas_and_each_answers_ready()
    {
        var client = cluster.Client(cluster.Url);
        var seen = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            var response = await client.GetAsync("/healthz/ready");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"redis\":\"Healthy\"", await response.Content.ReadAsStringAsync());
            seen.Add(response.Headers.GetValues("X-Upstream").Single());
        }
        Assert.Equal(cluster.Upstreams.ToHashSet(), seen);
        for (var i = 0; i < cluster.Pinned.Count; i++)
            Assert.Equal(cluster.Upstreams[i], (await cluster.Client(cluster.Pinned[i]).GetAsync("/healthz")).Headers.GetValues("X-Upstream").Single());
    }

    [Fact]
    public async Task Behind_tls_termination_cookies_are_secure_and_hsts_is_sent()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/Identity/Account/Login");
        // HSTS is never sent to localhost or a bare loopback address; a real name is what a browser would use.
        request.Headers.Host = "summit.test";
        var response = await cluster.Client(cluster.Url).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("aie.af=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        // And a form posted through nginx works (its Secure antiforgery cookie came back over https).
        await cluster.OrganizerAsync(cluster.Url);
    }

    [Fact]
    public async Task A_schedule_published_through_one_replica_shows_on_the_next_request_through_the_other()
    {
        const string last = "FROM \"ScheduleItems\" i JOIN \"Proposals\" p ON p.\"Id\" = i.\"ProposalId\" JOIN \"TimeSlots\" s ON s.\"Id\" = i.\"TimeSlotId\" ORDER BY s.\"StartsAt\", i.\"Id\" LIMIT 1";
        var itemId = await cluster.SqlAsync<int>("SELECT i.\"Id\" " + last);
        var title = await cluster.SqlAsync<string>("SELECT p.\"Title\" " + last);
        Assert.NotEmpty(title);
        var reader = cluster.Pinned[1];
        Assert.Contains(title, await PageAsync(reader, "/schedule"));
        Assert.Contains(title, await PageAsync(reader, "/schedule")); // from the shared cache now

        var organizer = await cluster.OrganizerAsync(cluster.Pinned[0]);
        var removed = await organizer.PostFormAsync($"/admin/schedule?handler=Remove&id={itemId}", new(), "/admin/schedule");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync("/admin/schedule?handler=Publish", new() { ["Note"] = "replica suite" }, "/admin/schedule")).StatusCode);

        Assert.DoesNotContain(title, await PageAsync(reader, "/schedule"));
    }

    [Fact]
    public async Task The_last_seat_sold_through_one_replica_shows_sold_out_through_the_other()
    {
        var organizer = await cluster.OrganizerAsync(cluster.Pinned[0]);
        var name = $"Replica suite seat {Guid.NewGuid():N}"[..28];
        var typeId = await cluster.AddFreeTypeAsync(organizer, name, capacity: 1);

        var reader = cluster.Pinned[1];
        Assert.DoesNotMatch(SoldOut(name), await PageAsync(reader, "/tickets"));
        Assert.DoesNotMatch(SoldOut(name), await PageAsync(reader, "/tickets")); // cached

        var bought = await TicketsFixture.CheckoutAsync(cluster.Client(cluster.Pinned[0]), new() { [typeId] = 1 }, "replica.buyer@example.com", method: "Free");
        Assert.Equal(HttpStatusCode.Redirect, bought.StatusCode);
        Assert.StartsWith("/orders/", bought.Headers.Location!.ToString(), StringComparison.Ordinal);

        Assert.Matches(SoldOut(name), await PageAsync(reader, "/tickets"));
        var again = await TicketsFixture.CheckoutAsync(cluster.Client(reader), new() { [typeId] = 1 }, "too.late@example.com", method: "Free");
        Assert.False(again.Headers.Location?.ToString().StartsWith("/orders/", StringComparison.Ordinal) ?? false, "a second order was placed");
        Assert.Equal(1L, await cluster.SqlAsync<long>($"SELECT count(*) FROM \"Tickets\" WHERE \"TicketTypeId\" = {typeId}"));
    }

    /// <summary>The type's row on /tickets with its "Sold out" mark.</summary>
    private static Regex SoldOut(string name) => new(Regex.Escape(name) + "(?:(?!</tr>).)*Sold out", RegexOptions.Singleline);

    [Fact]
    public async Task Forged_forwarded_headers_from_a_visitor_change_nothing()
    {
        // nginx replaces X-Forwarded-For with the address it saw: a visitor cannot pose as another address.
        var client = cluster.Client(cluster.Url);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.99");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "http");
        var response = await client.GetAsync("/Identity/Account/Login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("secure", response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("aie.af=", StringComparison.Ordinal)),
            StringComparison.OrdinalIgnoreCase);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<Cluster>
{
    public const string Name = "cluster";
}

/// <summary>A replica killed in the middle of a rush: nginx sends what follows to the other, resends only what is safe to resend, and no order is lost or made twice.</summary>
[Collection(ClusterCollection.Name)]
public class ReplicaStopTests(Cluster cluster, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_replica_killed_mid_rush_loses_no_order_and_sells_none_twice()
    {
        var organizer = await cluster.OrganizerAsync(cluster.Pinned[0]);
        var name = $"Replica rush {Guid.NewGuid():N}"[..24];
        var typeId = await cluster.AddFreeTypeAsync(organizer, name, capacity: 500);

        const int buyers = 60;
        var finished = 0;
        var killed = new TaskCompletionSource();
        var retriedPosts = 0;
        using var gate = new SemaphoreSlim(6);
        var rush = Task.WhenAll(Enumerable.Range(0, buyers).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var client = cluster.Client(cluster.Url);
                var email = $"rush{i}.{name.Replace(' ', '.')}@example.com".ToLowerInvariant();
                // A buyer whose page fails to load tries again; one whose order gets no answer presses the button again:
                // the same form, with the same idempotency key.
                (HttpResponseMessage, Dictionary<string, string>?) form = default;
                for (var attempt = 0; attempt < 5 && form.Item2 is null; attempt++)
                    form = await Try(() => TicketsFixture.CheckoutFormAsync(client, new() { [typeId] = 1 }, email, method: "Free"));
                Assert.NotNull(form.Item2);
                HttpResponseMessage? placed = null;
                for (var attempt = 0; attempt < 5; attempt++)
                {
                    placed = await Try(() => client.PostAsync("/tickets/checkout", new FormUrlEncodedContent(form.Item2!)));
                    if (placed is { StatusCode: HttpStatusCode.Redirect }) break;
                    Interlocked.Increment(ref retriedPosts);
                    await Task.Delay(200);
                }
                Assert.Equal(HttpStatusCode.Redirect, placed?.StatusCode);
                Assert.StartsWith("/orders/", placed!.Headers.Location!.ToString(), StringComparison.Ordinal);
                return (Email: email, Location: placed.Headers.Location.ToString());
            }
            finally
            {
                gate.Release();
                if (Interlocked.Increment(ref finished) == buyers / 3) killed.TrySetResult();
            }
        }));

        await killed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cluster.KillReplicaAsync(2);
        try
        {
            var results = await rush;
            output.WriteLine($"{buyers} buyers, replica 2 killed after {buyers / 3}; {retriedPosts} order posts sent again by their buyers");
            // Every buyer has exactly one order, and the seats taken are exactly those orders' tickets.
            Assert.Equal(buyers, results.Select(r => r.Location).Distinct().Count());
            Assert.Equal((long)buyers, await cluster.SqlAsync<long>($"SELECT count(*) FROM \"Orders\" o WHERE o.\"BuyerEmail\" LIKE '%{name.Replace(' ', '.').ToLowerInvariant()}@example.com'"));
            Assert.Equal((long)buyers, await cluster.SqlAsync<long>($"SELECT count(*) FROM \"Tickets\" WHERE \"TicketTypeId\" = {typeId}"));
            // Seats the dying replica had claimed for orders it never wrote are counted as taken, never as free: nothing is
            // oversold. The hold-expiry sweep (every 15 s) gives them back once the dead replica's locks are gone.
            var started = DateTime.UtcNow;
            int taken;
            while ((taken = await cluster.SqlAsync<int>($"SELECT \"Taken\" FROM \"TicketTypes\" WHERE \"Id\" = {typeId}")) != buyers)
            {
                Assert.True(taken > buyers, $"{taken} seats taken for {buyers} tickets");
                Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(40), $"{taken - buyers} seats without an order still taken after 40 s");
                await Task.Delay(500);
            }
            // The survivor kept serving: the round-robin address answers.
            Assert.Equal(HttpStatusCode.OK, (await cluster.Client(cluster.Url).GetAsync("/tickets")).StatusCode);
        }
        finally
        {
            await cluster.ReviveReplicaAsync(2);
        }
    }

    /// <summary>A connection cut by the dying replica counts as no answer, like a 502.</summary>
    private static async Task<T> Try<T>(Func<Task<T>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException)
        {
            return default!;
        }
    }
}

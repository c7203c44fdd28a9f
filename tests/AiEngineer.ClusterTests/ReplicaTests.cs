using System.Net;
using AiEngineer.ClusterTests.Infrastructure;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Tests.Cfp;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Schedule;
using AiEngineer.Web.Tests.Security;
using AiEngineer.Web.Tests.Tickets;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiEngineer.ClusterTests;

/// <summary>
/// Two replicas in this process, on one PostgreSQL and one Redis (Redis:Configuration set), each with its own memory:
/// what one replica saves shows on the other's very next request, and a rate limit holds for the pair.
/// </summary>
public class ReplicaTests(ReplicaTests.Fixture fixture) : IClassFixture<ReplicaTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        private ClusterDatabase _database = null!;
        private PrivateRedis _redis = null!;
        private SmtpSink _smtp = null!;
        public SiteFactory A { get; private set; } = null!;
        public SiteFactory B { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _database = await ClusterDatabase.CreateAsync();
            _redis = await PrivateRedis.StartAsync();
            _smtp = new SmtpSink();
            A = Replica();
            B = Replica();
            _ = A.Services; // migrates
            _ = B.Services;
            await A.WithDbAsync(async db =>
            {
                var now = A.Time.GetUtcNow().UtcDateTime;
                db.Conferences.Add(DemoSeeder.BuildConference(now));
                await db.SaveChangesAsync();
                db.CallsForPapers.Add(DemoSeeder.BuildCallForPapers((await db.Conferences.SingleAsync()).Id, now));
                await db.SaveChangesAsync();
            });
        }

        private SiteFactory Replica()
        {
            var site = new SiteFactory(_database.Database, _smtp);
            site.Settings["Redis:Configuration"] = _redis.Configuration;
            site.Settings["RateLimits:PasswordReset:PermitLimit"] = "5";
            return site;
        }

        public async Task DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            await _smtp.DisposeAsync();
            await _redis.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    private SiteFactory A => fixture.A;
    private SiteFactory B => fixture.B;

    private static async Task<string> PageAsync(SiteFactory site, string path) =>
        WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync(path));

    /// <summary>Admin › Settings › Details, with only the name changed.</summary>
    internal static async Task RenameConferenceAsync(HttpClient organizer, Core.Conference.ConferenceEvent conference, string name)
    {
        var saved = await organizer.PostFormAsync("/admin/settings?handler=Details", new()
        {
            ["Details.Name"] = name, ["Details.Tagline"] = conference.Tagline ?? "",
            ["Details.StartDate"] = conference.StartDate.ToString("yyyy-MM-dd"), ["Details.EndDate"] = conference.EndDate.ToString("yyyy-MM-dd"),
            ["Details.VenueName"] = conference.VenueName, ["Details.VenueAddress"] = conference.VenueAddress, ["Details.City"] = conference.City,
            ["Details.TimeZoneId"] = conference.TimeZoneId, ["Details.StreamUrl"] = conference.StreamUrl ?? "", ["Details.StreamDetails"] = "",
        }, "/admin/settings");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public void Both_replicas_use_the_shared_redis_store_for_pages()
    {
        // The package's store type is internal: its name says which it is.
        foreach (var site in new[] { A, B })
        {
            var store = Assert.IsType<FailOpenOutputCacheStore>(site.Services.GetRequiredService<IOutputCacheStore>());
            Assert.StartsWith("RedisOutputCacheStore", store.Inner.GetType().Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_schedule_published_through_one_replica_shows_on_the_next_request_to_the_other()
    {
        var first = await A.ConfirmedProposalAsync("replica.one@example.com", "Replicas in Practice", "Rhea Replica");
        var second = await A.ConfirmedProposalAsync("replica.two@example.com", "Caches That Agree", "Cato Cache");
        var organizer = await A.OrganizerAsync("replica.organizer@example.com");
        var day = await A.EventDayAsync();
        await organizer.AddSlotsAsync(day, "09:00", "09:45", repeat: 2, gap: 15);
        var room = await A.WithDbAsync(db => db.Rooms.OrderBy(r => r.SortOrder).Select(r => r.Name).FirstAsync());
        await organizer.PlaceAsync(A, first, day, "09:00", room);
        await organizer.PublishAsync("first version");

        // B renders /schedule and caches it (twice: the second answer is the cached one).
        Assert.Contains("Replicas in Practice", await PageAsync(B, "/schedule"));
        Assert.DoesNotContain("Caches That Agree", await PageAsync(B, "/schedule"));

        await organizer.PlaceAsync(A, second, day, "10:00", room);
        await organizer.PublishAsync("second version");
        Assert.Contains("Caches That Agree", await PageAsync(B, "/schedule"));
    }

    [Fact]
    public async Task The_last_seat_sold_through_one_replica_shows_sold_out_on_the_other()
    {
        var typeId = await A.WithDbAsync(async db =>
        {
            var type = new TicketType { Name = "Replica last seat", Kind = TicketKind.InPerson, PriceMinor = 0, Capacity = 1, MaxPerOrder = 1 };
            db.TicketTypes.Add(type);
            await db.SaveChangesAsync();
            return type.Id;
        });
        var before = await PageAsync(B, "/tickets");
        Assert.Contains("Replica last seat", before);
        Assert.DoesNotContain("Sold out", await PageAsync(B, "/tickets")); // cached now

        var bought = await TicketsFixture.CheckoutAsync(A.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "last.seat@example.com", method: "Free");
        Assert.Equal(HttpStatusCode.Redirect, bought.StatusCode);
        Assert.StartsWith("/orders/", bought.Headers.Location!.ToString(), StringComparison.Ordinal);

        Assert.Contains("Sold out", await PageAsync(B, "/tickets"));
        // And B will not sell it again.
        var again = await TicketsFixture.CheckoutAsync(B.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "too.late@example.com", method: "Free");
        Assert.NotEqual(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await B.WithDbAsync(db => db.Tickets.CountAsync(t => t.TicketTypeId == typeId)));
    }

    [Fact]
    public async Task Conference_details_saved_on_one_replica_show_on_the_other_within_a_moment()
    {
        var conference = await A.WithDbAsync(db => db.Conferences.AsNoTracking().SingleAsync());
        // B has the conference in memory (loaded at its start, and again now).
        Assert.Contains(conference.Name, await PageAsync(B, "/"));

        var organizer = await A.OrganizerAsync("replica.settings@example.com");
        await RenameConferenceAsync(organizer, conference, "AI Engineer Replica Summit");

        // B's own copy follows through PostgreSQL's NOTIFY, well before its 5-second refresh would.
        var started = DateTime.UtcNow;
        while (!(await PageAsync(B, "/")).Contains("AI Engineer Replica Summit"))
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3), "B still shows the old name 3 s after the save");
            await Task.Delay(50);
        }
        Assert.Equal("AI Engineer Replica Summit", (await B.Services.GetRequiredService<Web.Infrastructure.Site.ConferenceStore>().GetAsync())!.Name);
    }

    [Fact]
    public async Task A_rate_limit_holds_for_the_pair_not_for_each_replica()
    {
        // 5 password-reset requests per address per window (the fixture's setting): three on A, two on B, then no more on either.
        var onA = await RateLimitTests.PostTimesAsync(A.CreateClientFrom("198.51.100.40"), "/Identity/Account/ForgotPassword", 3);
        var onB = await RateLimitTests.PostTimesAsync(B.CreateClientFrom("198.51.100.40"), "/Identity/Account/ForgotPassword", 3);
        Assert.All(onA, r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.All(onB.Take(2), r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, onB[2].StatusCode);
        Assert.True(int.Parse(onB[2].Headers.GetValues("Retry-After").Single()) >= 1);
        var backOnA = await RateLimitTests.PostTimesAsync(A.CreateClientFrom("198.51.100.40"), "/Identity/Account/ForgotPassword", 1);
        Assert.Equal(HttpStatusCode.TooManyRequests, backOnA[0].StatusCode);
        // Another address still has its whole budget.
        var neighbour = await RateLimitTests.PostTimesAsync(B.CreateClientFrom("198.51.100.41"), "/Identity/Account/ForgotPassword", 1);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, neighbour[0].StatusCode);
    }
}

/// <summary>
/// Losing the shared Redis: a replica that never reached it is not ready; one that loses it keeps serving (Degraded),
/// renders pages uncached, counts limits itself, and evicts what was saved meanwhile once Redis is back.
/// </summary>
public class RedisOutageTests
{
    [Fact]
    public async Task A_replica_that_loses_redis_keeps_serving_and_catches_up_when_it_returns()
    {
        await using var database = await ClusterDatabase.CreateAsync();
        await using var smtp = new SmtpSink();
        var port = PrivateRedis.FreePort();
        var dump = Directory.CreateTempSubdirectory("aie-redis-");
        await using var site = new SiteFactory(database.Database, smtp);
        site.Settings["Redis:Configuration"] = $"127.0.0.1:{port},connectTimeout=500";
        site.Settings["RateLimits:PasswordReset:PermitLimit"] = "3";
        var client = site.CreateClient();

        // Never reached: alive, not ready (a new replica with a wrong Redis address stays out of the rotation).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var notReady = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Contains("\"redis\":\"Unhealthy\"", await notReady.Content.ReadAsStringAsync());

        var redis = await PrivateRedis.StartAsync(port, dump.FullName);
        try
        {
            Assert.Contains("\"redis\":\"Healthy\"", await ReadyAsync(client, "Healthy"));
            await site.WithDbAsync(async db =>
            {
                db.Conferences.Add(DemoSeeder.BuildConference(site.Time.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync();
            });
            var conference = await site.WithDbAsync(db => db.Conferences.AsNoTracking().SingleAsync());
            var organizer = await site.OrganizerAsync("outage.organizer@example.com");
            // An entry in the shared store, tagged like the pages that show the conference.
            var store = Assert.IsType<FailOpenOutputCacheStore>(site.Services.GetRequiredService<IOutputCacheStore>());
            await store.SetAsync("outage-probe", "old page"u8.ToArray(), [PublicPageCache.Tags.Conference], TimeSpan.FromMinutes(10), default);
            Assert.NotNull(await store.GetAsync("outage-probe", default));

            // Redis goes away, keeping what it held (as a partition or a restart with persistence would).
            await redis.ShutdownSavingAsync();
            var degraded = await ReadyAsync(client, "Degraded");
            Assert.Contains("\"redis\":\"Degraded\"", degraded);

            // Pages are rendered, a save works, and its eviction waits for Redis.
            await ReplicaTests.RenameConferenceAsync(organizer, conference, "AI Engineer Outage Summit");
            var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("AI Engineer Outage Summit", WebUtility.HtmlDecode(await home.Content.ReadAsStringAsync()));
            Assert.Contains(PublicPageCache.Tags.Conference, store.MissedEvictions);
            // Limits still hold, counted by this replica alone.
            var resets = await RateLimitTests.PostTimesAsync(site.CreateClientFrom("198.51.100.60"), "/Identity/Account/ForgotPassword", 4);
            Assert.All(resets.Take(3), r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
            Assert.Equal(HttpStatusCode.TooManyRequests, resets[3].StatusCode);

            // Back, with the old entry still in it: the eviction missed during the outage runs now.
            redis = await PrivateRedis.StartAsync(port, dump.FullName);
            Assert.Contains("\"redis\":\"Healthy\"", await ReadyAsync(client, "Healthy"));
            var started = DateTime.UtcNow;
            while (await store.GetAsync("outage-probe", default) is not null)
            {
                Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "the entry saved before the outage is still cached 5 s after Redis came back");
                await Task.Delay(50);
            }
            Assert.Empty(store.MissedEvictions);
            Assert.Contains("AI Engineer Outage Summit", WebUtility.HtmlDecode(await client.GetStringAsync("/")));
        }
        finally
        {
            await redis.DisposeAsync();
            dump.Delete(recursive: true);
        }
    }

    /// <summary>Polls /healthz/ready (up to 20 s, Redis reconnects with a growing pause) until its status is <paramref name="status"/>; returns the body.</summary>
    private static async Task<string> ReadyAsync(HttpClient client, string status)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            var body = await (await client.GetAsync("/healthz/ready")).Content.ReadAsStringAsync();
            if (body.Contains($"\"status\":\"{status}\"", StringComparison.Ordinal)) return body;
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), $"readiness is still {body} 20 s later, not {status}");
            await Task.Delay(200);
        }
    }
}

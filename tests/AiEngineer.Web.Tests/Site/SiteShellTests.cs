using System.Net;
using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiEngineer.Web.Tests.Site;

/// <summary>A site outside Development: nothing is seeded.</summary>
public class SiteShellTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Health_endpoints_report_liveness_and_a_reachable_database()
    {
        var client = fixture.Site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"database\":\"Healthy\"", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Nothing_is_seeded_outside_development()
    {
        Assert.False(await fixture.Site.WithDbAsync(db => db.Conferences.AnyAsync()));
        Assert.False(await fixture.Site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "organizer@example.com")));
        var home = await fixture.Site.CreateClient().GetStringAsync("/");
        Assert.Contains("The summit is being set up", home);
    }

    [Fact]
    public async Task Unknown_pages_answer_404_with_the_site_error_page()
    {
        var response = await fixture.Site.CreateClient().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var response = await fixture.Site.CreateClient().GetAsync("/");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}

/// <summary>The `dotnet run` default: the Development environment seeds the demo summit.</summary>
public class DemoSiteTests(DemoSiteTests.Fixture fixture) : IClassFixture<DemoSiteTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        protected override string Environment => "Development";
    }

    [Fact]
    public async Task The_home_page_shows_the_demo_summit_its_tracks_and_calls_to_action()
    {
        var html = WebUtility.HtmlDecode(await fixture.Site.CreateClient().GetStringAsync("/"));
        var conference = await fixture.Site.WithDbAsync(db => db.Conferences.AsNoTracking().SingleAsync());
        Assert.Contains(conference.Name, html);
        Assert.Contains("San Francisco", html);
        Assert.Contains(ConferenceContext.DateRange(conference), html);
        foreach (var (track, _) in DemoSeeder.DemoTracks) Assert.Contains(track, html);
        Assert.Contains("href=\"/tickets\"", html);
        Assert.Contains("href=\"/cfp\"", html);
        Assert.Contains("href=\"/sponsors\"", html);
        Assert.Contains("href=\"/code-of-conduct\"", html);
        Assert.Contains("/lib/bootstrap/dist/css/bootstrap.min.css", html);
    }

    [Fact]
    public async Task The_demo_summit_is_upcoming_eight_weeks_after_the_day_it_was_seeded_with_the_cfp_sales_and_review_open()
    {
        var site = fixture.Site;
        var now = site.Time.GetUtcNow().UtcDateTime;
        var conference = await site.WithDbAsync(db => db.Conferences.AsNoTracking().SingleAsync());
        var today = DateOnly.FromDateTime(conference.ToLocal(now));
        Assert.Equal("America/Los_Angeles", conference.TimeZoneId);
        Assert.InRange(conference.StartDate.DayNumber - today.DayNumber, 56, 62);
        Assert.Equal(DayOfWeek.Tuesday, conference.StartDate.DayOfWeek);
        Assert.Equal(conference.StartDate.AddDays(2), conference.EndDate);
        Assert.Equal($"AI Engineer Summit {conference.StartDate.Year}", conference.Name);
        Assert.False(conference.IsOverAt(now));

        var call = await site.WithDbAsync(db => db.CallsForPapers.AsNoTracking().SingleAsync());
        Assert.True(call.IsOpenAt(now));
        Assert.True(call.ClosesAt < conference.ToUtc(conference.StartDate, TimeOnly.MinValue));
        Assert.Contains("The call is open.", await site.CreateClient().GetStringAsync("/cfp"));
        Assert.True(await site.WithDbAsync(db => db.ReviewSettings.Select(r => r.IsOpen).SingleAsync()));

        var earlyBird = await site.WithDbAsync(db => db.TicketTypes.AsNoTracking().SingleAsync(t => t.Name == "In-person Early Bird"));
        Assert.True(earlyBird.OnSaleAt(now));
        var tickets = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync("/tickets"));
        Assert.Contains("Sale ends " + conference.ToLocal(earlyBird.SaleEndsAt!.Value).ToString("MMMM d, h:mm tt"), tickets);

        // The published program sits on the conference's first day.
        var slots = await site.WithDbAsync(db => db.TimeSlots.AsNoTracking().Select(t => t.StartsAt).ToListAsync());
        Assert.NotEmpty(slots);
        Assert.All(slots, s => Assert.InRange(DateOnly.FromDateTime(conference.ToLocal(s)), conference.StartDate, conference.EndDate));
    }

    [Fact]
    public async Task The_demo_accounts_sign_in_with_the_demo_password_and_have_their_roles()
    {
        var organizer = await fixture.Site.SignedInClientAsync("organizer@example.com", DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync("/admin")).StatusCode);
        var reviewer = await fixture.Site.SignedInClientAsync("reviewer@example.com", DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/review")).StatusCode);
        var speaker = await fixture.Site.SignedInClientAsync("speaker@example.com", DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await speaker.GetAsync("/admin")).StatusCode);
        await fixture.Site.SignedInClientAsync("attendee@example.com", DemoSeeder.DemoPassword);
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing()
    {
        var counts = () => fixture.Site.WithDbAsync(async db => (await db.Users.CountAsync(), await db.Proposals.CountAsync(),
            await db.TimeSlots.CountAsync(), await db.Sponsorships.CountAsync(), await db.Orders.CountAsync(), await db.SpeakerPhotos.CountAsync()));
        var before = await counts();
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        Assert.Equal(1, await fixture.Site.WithDbAsync(db => db.Conferences.CountAsync()));
        Assert.Equal(6, await fixture.Site.WithDbAsync(db => db.Tracks.CountAsync()));
        Assert.Equal(before, await counts());
        // The demo accounts, the program's speakers and one contact per sponsor; Sam's two, Priya's and Diego's ten, and the program's.
        Assert.Equal(DemoSeeder.DemoAccounts.Length + DemoSeeder.ProgramSpeakers.Length + DemoSeeder.Sponsors.Length, before.Item1);
        Assert.Equal(12 + DemoSeeder.ProgramTalks.Length, before.Item2);
    }

    [Theory]
    [InlineData("/tickets")]
    [InlineData("/cfp")]
    [InlineData("/schedule")]
    [InlineData("/speakers")]
    [InlineData("/sponsors")]
    [InlineData("/code-of-conduct")]
    [InlineData("/privacy")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/Identity/Account/Register")]
    public async Task Public_pages_render_in_the_site_layout(string path)
    {
        var response = await fixture.Site.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("site-nav", html);
        Assert.Contains("site-footer", html);
    }
}

using AiEngineer.Web.Infrastructure.Site;
using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Schedule;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Pages.Admin.Schedule;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiEngineer.Web.Tests.Site;

/// <summary>
/// The public pages are output-cached for anonymous visitors and evicted by tag when what they show is saved.
/// Changes written behind the app's back (ExecuteUpdate, which no interceptor sees) prove a page came from the cache.
/// </summary>
public class PublicPageCachingTests(PublicPageCachingTests.Fixture fixture) : IClassFixture<PublicPageCachingTests.Fixture>
{
    public sealed class Fixture : TicketsFixture
    {
        public const string Organizer = "organizer@cache.example.com";
        public const string Visitor = "visitor@cache.example.com";

        protected override async Task SeedAsync()
        {
            await base.SeedAsync();
            await Site.WithDbAsync(async db =>
            {
                var conference = await db.Conferences.SingleAsync();
                db.CallsForPapers.Add(DemoSeeder.BuildCallForPapers(conference.Id, Site.Time.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync();
            });
            await Site.CreateUserAsync(Organizer, Roles.Organizer);
            await Site.CreateUserAsync(Visitor);
        }
    }

    private SiteFactory Site => fixture.Site;

    private async Task<string> AnonymousAsync(string path) => WebUtility.HtmlDecode(await Site.CreateClient().GetStringAsync(path));

    [Fact]
    public async Task A_second_anonymous_get_comes_from_the_cache_until_an_organizer_edit_evicts_it()
    {
        var id = await fixture.AddTypeAsync("Cache Pass A", 10_00, 50);
        Assert.Contains("Cache Pass A", await AnonymousAsync("/tickets"));

        await Site.WithDbAsync(db => db.TicketTypes.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, "Cache Pass B")));
        var cached = await AnonymousAsync("/tickets");
        Assert.Contains("Cache Pass A", cached);
        Assert.DoesNotContain("Cache Pass B", cached);

        var organizer = await Site.SignedInClientAsync(Fixture.Organizer);
        var saved = await organizer.PostFormAsync($"/admin/tickets/edit/{id}", new()
        {
            ["Input.Name"] = "Cache Pass C", ["Input.Kind"] = "0", ["Input.Price"] = "10", ["Input.Capacity"] = "50",
            ["Input.MinPerOrder"] = "1", ["Input.MaxPerOrder"] = "10", ["Input.SortOrder"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var fresh = await AnonymousAsync("/tickets");
        Assert.Contains("Cache Pass C", fresh);
        Assert.DoesNotContain("Cache Pass A", fresh);
    }

    [Fact]
    public async Task The_privacy_page_is_cached_until_the_conference_is_saved()
    {
        await AnonymousAsync("/privacy");
        // Changed behind the app's back, and the conference record reloaded: only the output cache still has the old text.
        await Site.WithDbAsync(db => db.Conferences.ExecuteUpdateAsync(s => s.SetProperty(c => c.PrivacyPolicy, "Behind the **back**.")));
        await Site.Services.GetRequiredService<ConferenceStore>().ReloadAsync();
        var cached = await Site.CreateClient().GetAsync("/privacy");
        Assert.NotNull(cached.Headers.Age);
        Assert.DoesNotContain("Behind the", await cached.Content.ReadAsStringAsync());

        // A save of the conference (what the settings page does) evicts it.
        await Site.WithDbAsync(async db =>
        {
            (await db.Conferences.SingleAsync()).PrivacyPolicy = "We keep **little**. <script>alert(1)</script>";
            await db.SaveChangesAsync();
        });
        var fresh = await Site.CreateClient().GetStringAsync("/privacy");
        Assert.Contains("We keep <strong>little</strong>.", fresh);
        Assert.DoesNotContain("<script>alert(1)", fresh);
        Assert.Contains("We keep", await AnonymousAsync("/privacy"));
    }

    [Fact]
    public async Task A_sale_that_sells_out_a_type_evicts_the_catalog()
    {
        var id = await fixture.AddTypeAsync("Cache Last Seat", 0, 1, t => t.Kind = TicketKind.Remote);
        Assert.Contains("Only 1 left", await AnonymousAsync("/tickets"));

        var bought = await fixture.BuyAsync(Site.CreateBrowserlikeClient(), new() { [id] = 1 }, "last-seat@example.com", method: "Free");
        Assert.Equal(HttpStatusCode.Redirect, bought.StatusCode);
        var html = await AnonymousAsync("/tickets");
        Assert.Contains($"/tickets/waitlist/{id}", html);
    }

    [Fact]
    public async Task Publishing_the_schedule_evicts_the_schedule_and_speakers_pages()
    {
        const string title = "Cache-busting talk about evals";
        Assert.DoesNotContain(title, await AnonymousAsync("/schedule"));
        Assert.DoesNotContain("Casey Cache", await AnonymousAsync("/speakers"));

        var speaker = await Site.CreateUserAsync("casey@cache.example.com");
        await Site.WithDbAsync(async db =>
        {
            var now = Site.Time.GetUtcNow().UtcDateTime;
            var conference = await db.Conferences.AsNoTracking().Include(c => c.Rooms).Include(c => c.Tracks).SingleAsync();
            var talk = await db.SessionFormats.FirstAsync(f => f.Name == "Talk");
            db.SpeakerProfiles.Add(new SpeakerProfile { UserId = speaker.Id, DisplayName = "Casey Cache", Company = "Cache Co", UpdatedAt = now });
            var p = Proposal.StartDraft(conference.Id, speaker.Id, Guid.NewGuid(), new ProposalContent(title, talk.Id,
                conference.Tracks.First().Id, ProposalLevel.Intermediate, "Abstract.", "", "", false, "", ""), now);
            p.Submit(speaker.Id, now, new SubmissionWindow(now.AddDays(-1), now.AddDays(1), true, true));
            p.Decide(ProposalState.Accepted, speaker.Id, now);
            p.Answer(true, speaker.Id, now, null);
            db.Proposals.Add(p);
            await db.SaveChangesAsync();
            var start = conference.ToUtc(conference.StartDate, new TimeOnly(10, 0));
            var slot = new TimeSlot { ConferenceEventId = conference.Id, StartsAt = start, EndsAt = start.AddMinutes(30) };
            db.ScheduleItems.Add(new ScheduleItem { ConferenceEventId = conference.Id, Slot = slot, RoomId = conference.Rooms.First().Id,
                Kind = ScheduleItemKind.Session, ProposalId = p.Id, UpdatedAt = now });
            await db.SaveChangesAsync();
        });
        // Placing is a draft: the public pages still show the published program (none).
        Assert.DoesNotContain(title, await AnonymousAsync("/schedule"));

        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>();
            var conference = await db.Conferences.AsNoTracking().Include(c => c.Rooms.OrderBy(r => r.SortOrder)).Include(c => c.Tracks).SingleAsync();
            var outcome = await scope.ServiceProvider.GetRequiredService<ScheduleDraft>()
                .PublishAsync(conference, speaker.Id, "Cache test.", Site.Time.GetUtcNow().UtcDateTime, default);
            Assert.Null(outcome.Problem);
        }
        Assert.Contains(title, await AnonymousAsync("/schedule"));
        Assert.Contains("Casey Cache", await AnonymousAsync("/speakers"));
    }

    [Fact]
    public async Task A_signed_in_visitor_is_not_served_the_anonymous_page_nor_cached_for_others()
    {
        var anonymous = await AnonymousAsync("/");
        Assert.Contains("Create account", anonymous);
        var original = await Site.WithDbAsync(db => db.Conferences.Select(c => c.Tagline).SingleAsync());
        await Site.WithDbAsync(db => db.Conferences.ExecuteUpdateAsync(s => s.SetProperty(c => c.Tagline, "Tagline written behind the cache")));
        // The shared conference record is forgotten, as a tracked save does; the page output cache is what this test is about.
        Site.Services.GetRequiredService<ConferenceStore>().Invalidate();
        try
        {
            Assert.DoesNotContain("Tagline written behind the cache", await AnonymousAsync("/"));

            var signedIn = WebUtility.HtmlDecode(await (await Site.SignedInClientAsync(Fixture.Visitor)).GetStringAsync("/"));
            Assert.Contains(Fixture.Visitor, signedIn);
            Assert.Contains("Tagline written behind the cache", signedIn);
            Assert.DoesNotContain("Create account", signedIn);

            var afterwards = await AnonymousAsync("/");
            Assert.DoesNotContain(Fixture.Visitor, afterwards);
            Assert.Contains("Create account", afterwards);
        }
        finally
        {
            await Site.WithDbAsync(async db =>
            {
                var c = await db.Conferences.SingleAsync();
                c.Tagline = original;
                await db.SaveChangesAsync(); // a tracked save: evicts the "conference" tag
            });
        }
        Assert.Contains(original, await AnonymousAsync("/"));
    }

    [Fact]
    public async Task A_message_for_one_visitor_is_neither_served_from_the_cache_nor_cached_for_others()
    {
        Assert.DoesNotContain("Choose at least one ticket.", await AnonymousAsync("/tickets"));

        var visitor = Site.CreateBrowserlikeClient();
        var redirect = await visitor.GetAsync("/tickets/checkout");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("Choose at least one ticket.", WebUtility.HtmlDecode(await visitor.GetStringAsync("/tickets")));

        Assert.DoesNotContain("Choose at least one ticket.", await AnonymousAsync("/tickets"));
        Assert.DoesNotContain("Choose at least one ticket.", WebUtility.HtmlDecode(await visitor.GetStringAsync("/tickets")));
    }

    [Fact]
    public async Task Cached_pages_follow_the_apps_clock_so_a_call_closes_on_time()
    {
        var now = Site.Time.GetUtcNow().UtcDateTime;
        Assert.Contains("The call is open.", await AnonymousAsync("/cfp"));
        await Site.WithDbAsync(db => db.CallsForPapers.ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosesAt, now.AddMinutes(30))));
        Assert.Contains("The call is open.", await AnonymousAsync("/cfp"));

        Site.Time.Advance(TimeSpan.FromHours(1));
        Assert.Contains("The call for papers is closed.", await AnonymousAsync("/cfp"));
    }

    [Fact]
    public async Task A_page_answered_from_the_cache_carries_an_age_and_its_log_line_is_debug_while_a_built_page_is_information()
    {
        var client = fixture.Site.CreateClient();
        await client.GetAsync("/sponsors"); // cached now, if it was not already
        var cached = await client.GetAsync("/sponsors");
        Assert.True(cached.Headers.Age is not null, "a second anonymous GET of a public page comes from the output cache");
        var built = await client.GetAsync("/tickets?voucher=NOPE"); // not cached: a voucher in the query is built every time
        Assert.Null(built.Headers.Age);

        var hit = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        hit.Response.Headers.Age = ((int)cached.Headers.Age!.Value.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Serilog.Events.LogEventLevel.Debug, AiEngineer.Web.Infrastructure.Logging.LoggingSetup.RequestLevel(hit, null));
    }
}

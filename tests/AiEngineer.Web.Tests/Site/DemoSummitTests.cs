using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Core.Schedule;
using AiEngineer.Core.Sponsors;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Site;

/// <summary>The Development demo is the size of the real event, and the home page shows its speakers and sponsors.</summary>
public partial class DemoSummitTests(DemoSummitTests.Fixture fixture) : IClassFixture<DemoSummitTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        protected override string Environment => "Development"; // the demo summit
    }

    private SiteFactory Site => fixture.Site;

    private Task<PublishedProgram> ProgramAsync() => Site.WithDbAsync(async db =>
        PublishedProgram.FromJson(await db.ScheduleVersions.AsNoTracking().OrderByDescending(v => v.Number).Select(v => v.Snapshot).FirstAsync()));

    [Fact]
    public async Task The_published_program_has_sixty_sessions_over_three_days_in_four_rooms_in_every_track()
    {
        var conference = await Site.WithDbAsync(db => db.Conferences.AsNoTracking().Include(c => c.Rooms).Include(c => c.Tracks).SingleAsync());
        var program = await ProgramAsync();
        Assert.Equal(1, program.Version);
        var sessions = program.Sessions.Where(s => s.IsSession).ToList();
        Assert.True(sessions.Count >= 60, $"{sessions.Count} sessions");
        Assert.Equal(3, sessions.Select(s => DateOnly.FromDateTime(conference.ToLocal(s.StartsAt))).Distinct().Count());
        Assert.Equal(4, sessions.Select(s => s.RoomId).Distinct().Count());
        Assert.Equal(conference.Tracks.Select(t => t.Name).Order(), sessions.Select(s => s.Track!).Distinct().Order());
        Assert.True(sessions.Count(s => s.Kind == ScheduleItemKind.Keynote) >= 3);
        Assert.All(sessions.Where(s => s.Kind == ScheduleItemKind.Keynote), k => Assert.Equal("Main Stage", k.RoomName));
        var workshops = sessions.Where(s => s.Format == "Workshop").ToList();
        Assert.True(workshops.Count >= 3);
        Assert.All(workshops, w => { Assert.Equal("Workshop Lab", w.RoomName); Assert.Equal(80, w.Minutes); });
        Assert.Contains(sessions, s => s.Language == "zh-Hans");
        // Breaks and lunch on every day, and nobody in two places at once.
        Assert.Equal(3, program.Sessions.Count(s => s.Kind == ScheduleItemKind.Lunch));
        Assert.Equal(6, program.Sessions.Count(s => s.Kind == ScheduleItemKind.Break));
        foreach (var speaker in program.Speakers)
        {
            var own = program.SessionsOf(speaker.UserId).ToList();
            Assert.False(own.Zip(own.Skip(1)).Any(p => p.Second.StartsAt < p.First.EndsAt), $"{speaker.Name} is double-booked");
        }
        // Every talk title is a real one: no numbered placeholders.
        Assert.DoesNotContain(sessions, s => PlaceholderTitle().IsMatch(s.Title));
    }

    [Fact]
    public async Task Ticket_holders_have_starred_sessions_of_the_program_but_never_their_own_or_two_at_once()
    {
        var program = await ProgramAsync();
        var stars = await Site.WithDbAsync(db => db.SessionStars.AsNoTracking().ToListAsync());
        var holders = await Site.WithDbAsync(db => db.Tickets.Where(t => t.CancelledAt == null && t.Order.Status == OrderStatus.Paid && t.Order.UserId != null)
            .Select(t => t.Order.UserId!).Distinct().ToListAsync());
        Assert.True(stars.Count >= 100, $"{stars.Count} stars");
        Assert.All(stars, s => Assert.Contains(s.UserId, holders));
        // Most sessions have at least one star, so the counts in the schedule editor are not all zero.
        var sessions = program.Sessions.Where(s => s.IsSession).ToDictionary(s => s.ProposalId!.Value);
        Assert.True(stars.Select(s => s.ProposalId).Distinct().Count() >= sessions.Count / 2);
        foreach (var person in stars.GroupBy(s => s.UserId))
        {
            var mine = person.Select(s => sessions[s.ProposalId]).OrderBy(s => s.StartsAt).ToList();
            Assert.DoesNotContain(mine, s => s.SpeakerUserIds.Contains(person.Key));
            Assert.False(mine.Zip(mine.Skip(1)).Any(p => p.Second.StartsAt < p.First.EndsAt), $"{person.Key} starred two sessions at once");
            Assert.All(person, s => Assert.False(s.MovedIn(sessions[s.ProposalId])));
        }
    }

    [Fact]
    public async Task Forty_speakers_have_bios_companies_and_generated_portraits()
    {
        var program = await ProgramAsync();
        Assert.True(program.Speakers.Count >= 40, $"{program.Speakers.Count} speakers");
        var ids = program.Speakers.Select(s => s.UserId).ToList();
        var profiles = await Site.WithDbAsync(db => db.SpeakerProfiles.AsNoTracking().Include(p => p.Photo).Where(p => ids.Contains(p.UserId)).ToListAsync());
        Assert.Equal(ids.Count, profiles.Count);
        Assert.All(profiles, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Bio), p.DisplayName);
            Assert.False(string.IsNullOrWhiteSpace(p.Company), p.DisplayName);
            Assert.NotNull(p.Photo);
            Assert.Equal("image/webp", p.Photo!.ContentType);
            Assert.True(p.Photo.Content.Length > 1000);
        });
        Assert.Equal(profiles.Count, profiles.Select(p => p.DisplayName).Distinct().Count());

        // The portrait is served like an uploaded one, and each speaker has their speaker ticket.
        var photo = await Site.CreateClient().GetAsync($"/speakers/{program.Speakers[0].Slug}/photo");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/webp", photo.Content.Headers.ContentType?.MediaType);
        var ticketed = await Site.WithDbAsync(db => db.Tickets.Where(t => t.TicketType.Name == "Speaker" && t.Order.Status == OrderStatus.Paid)
            .Select(t => t.Order.UserId).Distinct().CountAsync());
        Assert.Equal(ids.Count, ticketed);
    }

    [Fact]
    public async Task Twelve_live_sponsors_in_four_tiers_have_sanitized_svg_logos_and_hold_their_slots()
    {
        var live = await Site.WithDbAsync(db => db.Sponsorships.AsNoTracking().Include(s => s.Logo).Include(s => s.Tier)
            .Where(s => s.Status == SponsorshipStatus.Live).ToListAsync());
        Assert.True(live.Count >= 12, $"{live.Count} sponsors");
        Assert.Equal(4, live.Select(s => s.TierId).Distinct().Count());
        Assert.All(live, s =>
        {
            Assert.NotNull(s.Logo);
            Assert.Equal("image/svg+xml", s.Logo!.ContentType);
            var svg = System.Text.Encoding.UTF8.GetString(s.Logo.Content);
            Assert.Contains(System.Security.SecurityElement.Escape(s.CompanyName), svg);
            Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
            Assert.NotNull(s.PaidAt);
        });
        var tiers = await Site.WithDbAsync(db => db.SponsorTiers.AsNoTracking().ToListAsync());
        Assert.All(tiers, t => Assert.Equal(live.Count(s => s.TierId == t.Id), t.Taken));
        Assert.All(tiers, t => Assert.True(t.Remaining > 0, $"{t.Name} is full")); // the sponsor tests and journeys apply for every tier
    }

    [Fact]
    public async Task Ticket_sales_are_paid_orders_and_the_seat_counters_agree()
    {
        var paid = await Site.WithDbAsync(db => db.Orders.CountAsync(o => o.Status == OrderStatus.Paid && o.PaymentMethod != PaymentMethod.Comp && o.TotalMinor > 0));
        Assert.True(paid >= 10, $"{paid} paid orders");
        var counts = await Site.WithDbAsync(db => db.TicketTypes.AsNoTracking()
            .Select(t => new { t.Name, t.Taken, Held = db.Tickets.Count(k => k.TicketTypeId == t.Id && k.Order.SeatsHeld && k.CancelledAt == null) }).ToListAsync());
        Assert.All(counts, c => Assert.True(c.Taken == c.Held, $"{c.Name}: taken {c.Taken}, tickets {c.Held}"));
        Assert.Contains(counts, c => c.Name == "In-person Early Bird" && c.Taken > 0);
    }

    [Fact]
    public async Task The_home_page_features_keynote_speakers_first_and_the_sponsor_wall_by_tier()
    {
        var html = WebUtility.HtmlDecode(await Site.CreateClient().GetStringAsync("/"));
        var program = await ProgramAsync();
        Assert.Contains("Featured speakers", html);
        var featured = FeaturedLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Pages.IndexModel.FeaturedCount, featured.Count);
        var keynoteSpeakers = program.Sessions.Where(s => s.Kind == ScheduleItemKind.Keynote).SelectMany(s => s.SpeakerUserIds)
            .Select(id => program.SpeakerById(id)!.Slug).ToHashSet();
        Assert.Contains(featured[0], keynoteSpeakers);
        Assert.All(featured, slug => Assert.Contains($"src=\"/speakers/{slug}/photo\"", html));

        var live = await Site.WithDbAsync(db => db.Sponsorships.AsNoTracking().Include(s => s.Tier).Where(s => s.Status == SponsorshipStatus.Live)
            .OrderBy(s => s.Tier.SortOrder).ToListAsync());
        var wall = html[html.IndexOf("class=\"sponsor-wall\"", StringComparison.Ordinal)..];
        Assert.All(live, s => Assert.Contains($"alt=\"{s.CompanyName}\"", wall));
        // Tiers in order, the first (Platinum) with the largest logos.
        var tierOrder = live.Select(s => s.Tier.Name).Distinct().Select(n => wall.IndexOf(">" + n + "</h3>", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, tierOrder);
        Assert.Equal(tierOrder.Order(), tierOrder);
        Assert.Contains($"sponsor-tile sponsor-logo-xl\" href=\"/sponsors/{live[0].Slug}\"", wall);
    }

    [Fact]
    public async Task The_home_page_in_chinese_shows_no_english_interface_text()
    {
        var html = WebUtility.HtmlDecode(await NoEnglish.OnAsync(Site, Site.CreateClient(), "/", "SiteText"));
        Assert.Contains("精选演讲者", html);
        Assert.Contains("白金", html); // the tier's Chinese name over its logos
    }

    [Fact]
    public async Task A_speaker_photo_or_sponsor_change_evicts_the_cached_home_page()
    {
        var client = Site.CreateClient();
        var before = await client.GetStringAsync("/");
        var program = await ProgramAsync();
        var first = FeaturedLink().Match(before).Groups[1].Value;
        var userId = program.Speaker(first)!.UserId;

        // The photo goes (the home page falls back to initials), then comes back; both saves evict the cached page.
        var photo = await Site.WithDbAsync(async db =>
        {
            var profile = await db.SpeakerProfiles.Include(p => p.Photo).SingleAsync(p => p.UserId == userId);
            var removed = profile.Photo!;
            profile.PhotoId = null;
            db.SpeakerPhotos.Remove(removed);
            await db.SaveChangesAsync();
            return removed;
        });
        var after = await client.GetStringAsync("/");
        Assert.DoesNotContain($"src=\"/speakers/{first}/photo\"", after);
        Assert.Contains("featured-initials", after);
        await Site.WithDbAsync(async db =>
        {
            var profile = await db.SpeakerProfiles.SingleAsync(p => p.UserId == userId);
            profile.Photo = new Core.Cfp.SpeakerPhoto { UserId = userId, Content = photo.Content, ContentType = photo.ContentType, Width = photo.Width, Height = photo.Height, CreatedAt = photo.CreatedAt };
            await db.SaveChangesAsync();
        });
        Assert.Contains($"src=\"/speakers/{first}/photo\"", await client.GetStringAsync("/"));

        var (id, name) = await Site.WithDbAsync(async db =>
        {
            var sponsor = await db.Sponsorships.Where(s => s.Status == SponsorshipStatus.Live).OrderBy(s => s.Id).FirstAsync();
            var old = sponsor.CompanyName;
            sponsor.CompanyName = "Renamed Sponsor Co";
            await db.SaveChangesAsync();
            return (sponsor.Id, old);
        });
        Assert.Contains("alt=\"Renamed Sponsor Co\"", await client.GetStringAsync("/"));
        await Site.WithDbAsync(db => db.Sponsorships.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.CompanyName, name)));
    }

    [GeneratedRegex("class=\"featured-speaker h-100\" href=\"/speakers/([a-z0-9-]+)\"")]
    private static partial Regex FeaturedLink();

    [GeneratedRegex(@"^(Talk|Session|Speaker|Workshop) \d+$|lorem ipsum", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceholderTitle();
}

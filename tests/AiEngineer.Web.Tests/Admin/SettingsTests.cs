using System.Net;
using AiEngineer.Core.Audit;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Schedule;
using AiEngineer.Web.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Admin;

/// <summary>Admin › Settings: each change shows on the site at once (through the caches), and bad input changes nothing.</summary>
public class SettingsTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private SiteFactory Site => fixture.Site;

    /// <summary>The conference as the fixture seeded it: the forms below start from it.</summary>
    private Core.Conference.ConferenceEvent Seeded => fixture.Conference;

    /// <summary>"yyyy-MM-dd", <paramref name="days"/> after the seeded first day.</summary>
    private string Day(int days) => Seeded.StartDate.AddDays(days).ToString("yyyy-MM-dd");

    private Dictionary<string, string> Details(Action<Dictionary<string, string>>? change = null)
    {
        var d = new Dictionary<string, string>
        {
            ["Details.Name"] = Seeded.Name, ["Details.Tagline"] = "Where AI engineers meet", ["Details.StartDate"] = Day(0),
            ["Details.EndDate"] = Day(2), ["Details.VenueName"] = "Yerba Buena Center for the Arts", ["Details.VenueAddress"] = "701 Mission St",
            ["Details.City"] = "San Francisco", ["Details.TimeZoneId"] = "America/Los_Angeles", ["Details.StreamUrl"] = "https://stream.example/live",
            ["Details.StreamDetails"] = "",
        };
        change?.Invoke(d);
        return d;
    }

    /// <summary>Posts a section's form and returns the page the organizer then sees.</summary>
    private static async Task<string> PostAsync(HttpClient organizer, string handler, Dictionary<string, string> fields) =>
        await organizer.ShownAsync(await organizer.PostFormAsync($"/admin/settings?handler={handler}", fields, "/admin/settings"));

    [Fact]
    public async Task New_conference_details_show_at_once_on_cached_public_pages_and_are_audited()
    {
        var organizer = await Site.OrganizerAsync("settings.organizer@example.com");
        var visitor = Site.CreateClient();
        Assert.Contains(Seeded.Name, await visitor.GetStringAsync("/"));
        Assert.Contains(Seeded.Name, await visitor.GetStringAsync("/")); // the second answer comes from the output cache

        var saved = await PostAsync(organizer, "Details", Details(d => { d["Details.Name"] = "AI Engineer World Summit"; d["Details.VenueName"] = "Pier 48"; }));
        Assert.Contains("The conference details are saved", saved);

        var home = WebUtility.HtmlDecode(await visitor.GetStringAsync("/"));
        Assert.Contains("AI Engineer World Summit", home);
        Assert.Contains("Pier 48", home);
        Assert.Contains("AI Engineer World Summit", await visitor.GetStringAsync("/tickets"));

        var audit = await Site.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "ConferenceEvent" && a.Action == AuditAction.Modified).ToListAsync());
        Assert.Contains(audit, a => a.Changes.Contains("AI Engineer World Summit") && a.Changes.Contains("Pier 48"));
        await PostAsync(organizer, "Details", Details());
    }

    [Theory]
    [InlineData("Details.EndDate", "start-8", "The end date must be on or after the start date.")]
    [InlineData("Details.TimeZoneId", "Mars/Olympus_Mons", "Unknown time zone")]
    [InlineData("Details.StreamUrl", "javascript:alert(1)", "The stream link must be an http or https address.")]
    [InlineData("Details.Name", "", "The conference needs a name.")]
    [InlineData("Details.EndDate", "start+60", "at most two weeks")]
    public async Task Bad_details_are_refused_and_nothing_changes(string field, string value, string message)
    {
        var organizer = await Site.OrganizerAsync("settings.organizer@example.com");
        if (value.StartsWith("start")) value = Day(int.Parse(value[5..])); // a day relative to the conference's start
        var response = await PostAsync(organizer, "Details", Details(d => { d[field] = value; d["Details.Tagline"] = "Changed tagline"; }));
        var html = response;
        Assert.Contains("Nothing was saved.", html);
        Assert.Contains(message, html);
        Assert.False(await Site.WithDbAsync(db => db.Conferences.AnyAsync(c => c.Tagline == "Changed tagline")));
    }

    [Fact]
    public async Task The_time_zone_cannot_change_under_a_laid_out_schedule()
    {
        var organizer = await Site.OrganizerAsync("settings.organizer@example.com");
        await organizer.AddSlotsAsync(Day(1), "16:00", "16:30");
        var html = await PostAsync(organizer, "Details", Details(d => d["Details.TimeZoneId"] = "Europe/Berlin"));
        Assert.Contains("Changing the time zone would move every session", html);
        var moved = await PostAsync(organizer, "Details", Details(d => { d["Details.StartDate"] = Day(2); d["Details.EndDate"] = Day(3); }));
        Assert.Contains("1 time slot falls outside these dates", moved);
        Assert.Equal("America/Los_Angeles", await Site.WithDbAsync(db => db.Conferences.Select(c => c.TimeZoneId).SingleAsync()));
    }

    [Fact]
    public async Task Reservation_minutes_and_the_refund_policy_apply_to_the_next_order_without_a_restart()
    {
        var organizer = await Site.OrganizerAsync("settings.organizer@example.com");
        var saved = await PostAsync(organizer, "Ticketing", new() { ["Ticketing.ReservationMinutes"] = "40", ["Ticketing.RefundPolicy"] = "Refunds until November 1, no questions asked." });
        Assert.Contains("hold their seats for 40 minutes", saved);

        var visitor = Site.CreateClient();
        var tickets = WebUtility.HtmlDecode(await visitor.GetStringAsync("/tickets"));
        Assert.Contains("Seats are held for 40 minutes", tickets);
        Assert.Contains("Refunds until November 1, no questions asked.", tickets);

        var type = await fixture.AddTypeAsync("Settings card", 10000, 5);
        await fixture.BuyAsync(Site.CreateClient(), new() { [type] = 1 }, "settings.card@example.com", method: "Card");
        var order = await Site.WithDbAsync(db => db.Orders.SingleAsync(o => o.BuyerEmail == "settings.card@example.com"));
        Assert.Equal(TimeSpan.FromMinutes(40), order.HoldExpiresAt - order.CreatedAt);

        var refused = await PostAsync(organizer, "Ticketing", new() { ["Ticketing.ReservationMinutes"] = "500", ["Ticketing.RefundPolicy"] = "x" });
        Assert.Contains("Seats can be held for 5 to 120 minutes.", refused);
        Assert.Equal(40, await Site.WithDbAsync(db => db.Conferences.Select(c => c.ReservationMinutes).SingleAsync()));
    }

    [Fact]
    public async Task Policy_pages_show_the_organizers_markdown_sanitized()
    {
        var organizer = await Site.OrganizerAsync("settings.organizer@example.com");
        await PostAsync(organizer, "Pages", new()
        {
            ["Pages.CodeOfConduct"] = "## Be excellent\n\nReport to **staff**. <script>alert(1)</script>",
            ["Pages.Privacy"] = "## Data we keep\n\nOnly what we need.",
        });
        var coc = await Site.CreateClient().GetStringAsync("/code-of-conduct");
        Assert.Contains("<h2>Be excellent</h2>", coc);
        Assert.Contains("<strong>staff</strong>", coc);
        Assert.DoesNotContain("alert(1)", coc);
        Assert.Contains("<h2>Data we keep</h2>", await Site.CreateClient().GetStringAsync("/privacy"));

        var empty = await PostAsync(organizer, "Pages", new() { ["Pages.CodeOfConduct"] = "", ["Pages.Privacy"] = "Other" });
        Assert.Contains("The code of conduct cannot be empty.", empty);
        Assert.DoesNotContain("Other", await Site.CreateClient().GetStringAsync("/privacy"));
    }

    [Fact]
    public async Task Call_and_sale_dates_are_saved_in_the_event_zone_and_a_window_that_ends_before_it_starts_is_refused()
    {
        var organizer = await Site.OrganizerAsync("settings.organizer@example.com");
        var type = await fixture.AddTypeAsync("Settings dated", 5000, 5);
        var page = await organizer.GetStringAsync("/admin/settings");
        var types = await Site.WithDbAsync(db => db.TicketTypes.OrderBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => t.Id).ToListAsync());
        var index = types.IndexOf(type);
        Assert.Contains($"name=\"Dates.Sales[{index}].Id\" value=\"{type}\"", page);
        Dictionary<string, string> Form(string starts, string ends) => new()
        {
            ["Dates.CfpOpensAt"] = "2026-01-05T09:00", ["Dates.CfpClosesAt"] = "2026-09-30T23:59",
            [$"Dates.Sales[0].Id"] = type.ToString(), [$"Dates.Sales[0].StartsAt"] = starts, [$"Dates.Sales[0].EndsAt"] = ends,
        };
        var refused = await PostAsync(organizer, "Dates", Form("2026-12-01T10:00", "2026-11-01T10:00"));
        Assert.Contains("Settings dated:", refused);
        Assert.Null(await Site.WithDbAsync(db => db.TicketTypes.Where(t => t.Id == type).Select(t => t.SaleEndsAt).SingleAsync()));

        var saved = await PostAsync(organizer, "Dates", Form("2026-11-01T10:00", "2026-12-01T10:00"));
        Assert.Contains("sale dates are saved", saved);
        var dated = await Site.WithDbAsync(db => db.TicketTypes.SingleAsync(t => t.Id == type));
        Assert.Equal(new DateTime(2026, 11, 1, 18, 0, 0, DateTimeKind.Utc), dated.SaleStartsAt); // PST: the clocks went back that morning
        var call = await Site.WithDbAsync(db => db.CallsForPapers.SingleAsync());
        Assert.Equal(new DateTime(2026, 9, 30, 23, 59, 0).AddHours(7), call.ClosesAt);
    }
}

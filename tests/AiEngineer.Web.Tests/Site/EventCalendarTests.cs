using System.Globalization;
using System.Net;
using System.Text.Json;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Schedule;
using AiEngineer.Web.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Site;

/// <summary>
/// A summit whose three days straddle a daylight-saving change in San Francisco: the first one at least two weeks after the
/// site's clock, whichever way the clocks go. Times typed in the event's zone must land on the right instants on both sides.
/// </summary>
public class DaylightSavingTests(DaylightSavingTests.Fixture fixture) : IClassFixture<DaylightSavingTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        public DateOnly ChangeDay { get; private set; }
        public DateOnly FirstDay => ChangeDay.AddDays(-1);
        public DateOnly LastDay => ChangeDay.AddDays(1);
        public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

        protected override Task SeedAsync() => Site.WithDbAsync(async db =>
        {
            var now = Site.Time.GetUtcNow().UtcDateTime;
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, Zone)).AddDays(14);
            while (OffsetAt(day, 12) == OffsetAt(day.AddDays(-1), 12)) day = day.AddDays(1);
            ChangeDay = day;
            var conference = DemoSeeder.BuildConference(now);
            conference.StartDate = FirstDay;
            conference.EndDate = LastDay;
            db.Conferences.Add(conference);
            db.TicketTypes.Add(new TicketType { Name = "DST pass", Kind = TicketKind.InPerson, PriceMinor = 0, Capacity = 100, MaxPerOrder = 5, SaleStartsAt = now.AddDays(-1) });
            await db.SaveChangesAsync();
        });

        /// <summary>The zone's offset from UTC at a wall-clock hour, straight from the zone's rules.</summary>
        public TimeSpan OffsetAt(DateOnly day, int hour) => Zone.GetUtcOffset(day.ToDateTime(new TimeOnly(hour, 0)));

        /// <summary>A wall-clock time in San Francisco as a UTC instant, worked out from the offset alone.</summary>
        public DateTime Utc(DateOnly day, int hour, int minute = 0) =>
            DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(hour, minute)) - OffsetAt(day, hour), DateTimeKind.Utc);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Schedule_cut_off_and_sale_window_fall_on_the_right_instants_on_both_sides_of_the_change()
    {
        var site = fixture.Site;
        var (first, last) = (fixture.FirstDay, fixture.LastDay);
        Assert.NotEqual(fixture.OffsetAt(first, 9), fixture.OffsetAt(last, 9)); // the change really is inside the event

        // Schedule: 9:00 on the first and the last day, typed in the event's zone, are 48 hours apart give or take the hour that changed.
        var organizer = await site.OrganizerAsync("dst.organizer@example.com");
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.AddSlotsAsync(Iso(first), "09:00", "09:30")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.AddSlotsAsync(Iso(last), "09:00", "09:30")).StatusCode);
        var slots = await site.WithDbAsync(db => db.TimeSlots.AsNoTracking().OrderBy(s => s.StartsAt).ToListAsync());
        Assert.Equal([fixture.Utc(first, 9), fixture.Utc(last, 9)], slots.Select(s => s.StartsAt).ToArray());
        Assert.Equal(TimeSpan.FromHours(48) + (fixture.OffsetAt(first, 9) - fixture.OffsetAt(last, 9)), slots[1].StartsAt - slots[0].StartsAt);
        var mainStage = await site.RoomIdAsync("Main Stage");
        foreach (var (slot, title) in slots.Zip(new[] { "Doors open", "Last morning coffee" }))
        {
            var added = await organizer.PostFormAsync("/admin/schedule?handler=Item", new()
            {
                ["Item.Title"] = title, ["Item.Kind"] = "Keynote", ["Item.SlotId"] = slot.Id.ToString(), ["Item.RoomId"] = mainStage.ToString(),
            }, "/admin/schedule");
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PublishAsync("DST")).StatusCode);

        var anon = site.CreateClient();
        foreach (var (day, title) in new[] { (first, "Doors open"), (last, "Last morning coffee") })
        {
            var page = WebUtility.HtmlDecode(await anon.GetStringAsync("/schedule?day=" + Iso(day)));
            Assert.Contains(title, page);
            Assert.Contains("9:00 AM", page);
        }
        using var json = JsonDocument.Parse(await anon.GetStringAsync("/schedule.json"));
        var dates = json.RootElement.GetProperty("schedule").GetProperty("conference").GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("rooms").EnumerateObject().SelectMany(r => r.Value.EnumerateArray()))
            .Select(e => DateTimeOffset.Parse(e.GetProperty("date").GetString()!, CultureInfo.InvariantCulture))
            .Distinct().OrderBy(d => d).ToList();
        Assert.Contains(dates, d => d.DateTime == first.ToDateTime(new TimeOnly(9, 0)) && d.Offset == fixture.OffsetAt(first, 9));
        Assert.Contains(dates, d => d.DateTime == last.ToDateTime(new TimeOnly(9, 0)) && d.Offset == fixture.OffsetAt(last, 9));

        // Sale window: the organizer ends the pass's sale at 9:00 on the last day, after the change.
        var typeId = await site.WithDbAsync(db => db.TicketTypes.Where(t => t.Name == "DST pass").Select(t => t.Id).SingleAsync());
        var saleStarts = site.Time.GetUtcNow().UtcDateTime.AddDays(-1);
        var edited = await organizer.PostFormAsync($"/admin/tickets/edit/{typeId}", new()
        {
            ["Input.Name"] = "DST pass", ["Input.Kind"] = "0", ["Input.Price"] = "0", ["Input.Capacity"] = "100",
            ["Input.MinPerOrder"] = "1", ["Input.MaxPerOrder"] = "5", ["Input.SortOrder"] = "0",
            ["Input.SaleStartsAt"] = TimeZoneInfo.ConvertTimeFromUtc(saleStarts, fixture.Zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Input.SaleEndsAt"] = Iso(last) + "T09:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var saleEnds = fixture.Utc(last, 9);
        Assert.Equal(saleEnds, await site.WithDbAsync(db => db.TicketTypes.Where(t => t.Id == typeId).Select(t => t.SaleEndsAt).SingleAsync()));
        Assert.Contains("Sale ends " + last.ToString("MMMM d", CultureInfo.InvariantCulture) + ", 9:00 AM", WebUtility.HtmlDecode(await anon.GetStringAsync("/tickets")));

        // Cut-off: attendees can be edited until midnight, event time, seven days before the first day.
        var buyer = site.CreateBrowserlikeClient();
        var placed = await TicketsFixture.CheckoutAsync(buyer, new() { [typeId] = 1 }, "dst.buyer@example.com", "Free");
        var code = TicketsFixture.CodeFrom(placed);
        var link = placed.Headers.Location!.ToString();
        var ticketId = await site.WithDbAsync(db => db.Tickets.Where(t => t.Order.Code == code).Select(t => t.Id).SingleAsync());
        var cutoff = fixture.Utc(first.AddDays(-7), 0);
        async Task<string> EditAsync(string name)
        {
            var response = await buyer.PostFormAsync(link + "&handler=Edit", new()
            {
                ["Attendee.TicketId"] = ticketId.ToString(), ["Attendee.Name"] = name, ["Attendee.Email"] = "dst.attendee@example.com",
            }, formPage: link);
            return WebUtility.HtmlDecode(await buyer.GetStringAsync(response.Headers.Location!.ToString()));
        }
        site.Time.SetUtcNow(cutoff.AddMinutes(-1));
        await EditAsync("Just In Time");
        Assert.Equal("Just In Time", await AttendeeNameAsync(ticketId));
        site.Time.SetUtcNow(cutoff);
        Assert.Contains("can no longer be changed", await EditAsync("Too Late"));
        Assert.Equal("Just In Time", await AttendeeNameAsync(ticketId));

        // The sale closes at 9:00 on the last day, in that day's offset: a minute before, an order goes through; at 9:00 it does not.
        site.Time.SetUtcNow(saleEnds.AddMinutes(-1));
        Assert.Equal(HttpStatusCode.Redirect, (await TicketsFixture.CheckoutAsync(site.CreateClient(new() { AllowAutoRedirect = false }), new() { [typeId] = 1 }, "dst.late@example.com", "Free")).StatusCode);
        site.Time.SetUtcNow(saleEnds);
        var refused = await TicketsFixture.CheckoutAsync(site.CreateClient(new() { AllowAutoRedirect = false }), new() { [typeId] = 1 }, "dst.toolate@example.com", "Free");
        Assert.Contains("The sale of DST pass has ended.", await TicketsFixture.ErrorsOf(refused));
        Assert.False(await site.WithDbAsync(db => db.Orders.AnyAsync(o => o.BuyerEmail == "dst.toolate@example.com")));

        // The summit is over at midnight after the last day, in the offset after the change.
        var endsAt = fixture.Utc(last.AddDays(1), 0);
        Assert.Equal(endsAt, (await site.WithDbAsync(db => db.Conferences.AsNoTracking().SingleAsync())).EndsAt);
        site.Time.SetUtcNow(endsAt);
        Assert.Contains("The summit is over.", await anon.GetStringAsync("/"));
    }

    private Task<string> AttendeeNameAsync(long ticketId) =>
        fixture.Site.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.AttendeeName).SingleAsync());
}

/// <summary>The demo summit once its last day has passed: what is no longer on offer says so, the program stays as an archive.</summary>
public class AfterTheEventTests(AfterTheEventTests.Fixture fixture) : IClassFixture<AfterTheEventTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        protected override string Environment => "Development"; // the demo, seeded relative to the site's clock
    }

    [Fact]
    public async Task After_the_last_day_home_tickets_and_cfp_say_the_summit_is_over_and_the_program_stays()
    {
        var site = fixture.Site;
        var conference = await site.WithDbAsync(db => db.Conferences.AsNoTracking().SingleAsync());
        var remote = await site.WithDbAsync(db => db.TicketTypes.Where(t => t.Name == "Remote").Select(t => t.Id).SingleAsync());
        var talk = await site.WithDbAsync(db => db.Proposals.Where(p => db.ScheduleItems.Any(i => i.ProposalId == p.Id)).Select(p => p.Title).FirstAsync());

        // A minute before midnight after the last day, a remote ticket can still be had; a buyer opens the form.
        site.Time.SetUtcNow(conference.EndsAt.AddMinutes(-1));
        var buyer = site.CreateBrowserlikeClient();
        var form = await buyer.GetAsync($"/tickets/checkout?qty[{remote}]=1");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var formHtml = await form.Content.ReadAsStringAsync();

        site.Time.SetUtcNow(conference.EndsAt);
        var anon = site.CreateClient();
        var home = WebUtility.HtmlDecode(await anon.GetStringAsync("/"));
        Assert.Contains("The summit is over.", home);
        Assert.DoesNotContain("Buy tickets", home);
        Assert.DoesNotContain("Get tickets", home); // the header's button leads to the program instead
        Assert.DoesNotContain("Submit a talk", home);
        Assert.Contains("href=\"/schedule\"", home);

        var tickets = WebUtility.HtmlDecode(await anon.GetStringAsync("/tickets"));
        Assert.Contains("Ticket sales have closed", tickets);
        Assert.Contains(ConferenceContextDateRange(conference), tickets);
        Assert.DoesNotContain("name=\"qty[", tickets);

        var cfp = WebUtility.HtmlDecode(await anon.GetStringAsync("/cfp"));
        Assert.Contains("The call for papers is closed", cfp);
        Assert.DoesNotContain("/my/submissions/edit", cfp);

        // The form opened a minute earlier places nothing now, and a fresh one is not offered.
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpClientFormExtensions.AntiforgeryToken(formHtml),
            ["Input.IdempotencyKey"] = System.Text.RegularExpressions.Regex.Match(formHtml, "name=\"Input.IdempotencyKey\" value=\"([0-9a-f-]+)\"").Groups[1].Value,
            ["Input.BuyerName"] = "Late Buyer", ["Input.BuyerEmail"] = "late.buyer@example.com", ["Input.Method"] = "Free",
            ["Input.Attendees[0].TicketTypeId"] = remote.ToString(), ["Input.Attendees[0].Name"] = "Late Buyer", ["Input.Attendees[0].Email"] = "late.buyer@example.com",
        };
        var posted = await buyer.PostAsync("/tickets/checkout", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/tickets", posted.Headers.Location!.ToString());
        Assert.False(await site.WithDbAsync(db => db.Orders.AnyAsync(o => o.BuyerEmail == "late.buyer@example.com")));
        var again = await buyer.GetAsync($"/tickets/checkout?qty[{remote}]=1");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        // The program is an archive: the schedule, a talk and the speakers are all still there.
        var schedule = WebUtility.HtmlDecode(await anon.GetStringAsync("/schedule"));
        Assert.Contains(talk, schedule);
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync("/speakers")).StatusCode);
        var slug = System.Text.RegularExpressions.Regex.Match(schedule, "href=\"(/talks/[a-z0-9-]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync(slug)).StatusCode);
    }

    private static string ConferenceContextDateRange(Core.Conference.ConferenceEvent c) => Web.Infrastructure.Site.ConferenceContext.DateRange(c);
}

using System.Net;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Review;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Schedule;

/// <summary>Each warning the draft page shows, set up through the organizer's and the speaker's own forms.</summary>
public class WarningTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private SiteFactory Site => fixture.Site;

    private static string Warnings(string html) =>
        string.Join("\n", System.Text.RegularExpressions.Regex.Matches(html, "data-warning=\"(\\w+)\"").Select(m => m.Groups[1].Value));

    [Fact]
    public async Task Every_warning_fires_on_the_draft_page()
    {
        await Site.SetReviewAsync();
        var (day1, Day, day3) = (await Site.EventDayAsync(0), await Site.EventDayAsync(1), await Site.EventDayAsync(2));
        var organizer = await Site.OrganizerAsync();
        var first = await Site.ConfirmedProposalAsync("dana.warn@example.com", "Dana first", "Dana Kim");
        var second = await Site.ConfirmedProposalAsync("dana.warn@example.com", "Dana second", "Dana Kim");
        var other = await Site.ConfirmedProposalAsync("eli.warn@example.com", "Eli talk", "Eli Park");
        var shortSlot = await Site.ConfirmedProposalAsync("fay.warn@example.com", "Fay talk", "Fay Ng");
        await organizer.AddSlotsAsync(Day, "09:00", "09:30", repeat: 2);
        await organizer.AddSlotsAsync(Day, "15:00", "15:20");

        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PlaceAsync(Site, first, Day, "09:00", "Main Stage")).StatusCode);
        Assert.DoesNotContain("data-warning", await organizer.GetStringAsync($"/admin/schedule?day={Day}"));

        // Dana in two rooms at 09:00.
        await organizer.PlaceAsync(Site, second, Day, "09:00", "Room B");
        Assert.Equal("SpeakerDoubleBooked", Warnings(await organizer.GetStringAsync($"/admin/schedule?day={Day}")));

        // Eli in Dana's room at the same time.
        await organizer.PlaceAsync(Site, other, Day, "09:00", "Room B");
        var page = await organizer.GetStringAsync($"/admin/schedule?day={Day}");
        Assert.Contains("RoomDoubleBooked", Warnings(page));
        Assert.Contains("Room B is double-booked", WebUtility.HtmlDecode(page));

        // A 25-minute talk in a 20-minute slot.
        await organizer.PlaceAsync(Site, shortSlot, Day, "15:00", "Room C");
        page = WebUtility.HtmlDecode(await organizer.GetStringAsync($"/admin/schedule?day={Day}"));
        Assert.Contains("LongerThanSlot", Warnings(page));
        var shownDay = DateOnly.ParseExact(Day, "yyyy-MM-dd").ToString("ddd MMM d", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"“Fay talk” runs 25 minutes but its slot at {shownDay}, 3:00 PM is 20 minutes.", page);

        // Fay says she can only come in the morning of the second day.
        var fay = await Site.SignedInClientAsync("fay.warn@example.com");
        var saved = await fay.PostFormAsync("/my/availability", new()
        {
            ["Days[0].Day"] = day1, ["Days[0].Choice"] = "None",
            ["Days[1].Day"] = Day, ["Days[1].Choice"] = "Part", ["Days[1].From"] = "08:00", ["Days[1].To"] = "12:00",
            ["Days[2].Day"] = day3, ["Days[2].Choice"] = "AllDay",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = WebUtility.HtmlDecode(await organizer.GetStringAsync($"/admin/schedule?day={Day}"));
        Assert.Contains("OutsideAvailability", Warnings(page));
        Assert.Contains("outside the times Fay Ng said they are available", page);

        // Moving her talk into the morning clears both of her warnings.
        await organizer.PlaceAsync(Site, shortSlot, Day, "09:30", "Room C");
        var after = Warnings(await organizer.GetStringAsync($"/admin/schedule?day={Day}"));
        Assert.DoesNotContain("OutsideAvailability", after);
        Assert.DoesNotContain("LongerThanSlot", after);
    }

    [Fact]
    public async Task Availability_that_makes_no_sense_is_refused_and_nothing_changes()
    {
        await Site.SetReviewAsync();
        await Site.ConfirmedProposalAsync("gil.avail@example.com", "Gil talk", "Gil Roy");
        var (day1, day2, day3) = (await Site.EventDayAsync(0), await Site.EventDayAsync(1), await Site.EventDayAsync(2));
        var gil = await Site.SignedInClientAsync("gil.avail@example.com");
        var form = new Dictionary<string, string>
        {
            ["Days[0].Day"] = day1, ["Days[0].Choice"] = "Part", ["Days[0].From"] = "14:00", ["Days[0].To"] = "10:00",
            ["Days[1].Day"] = day2, ["Days[1].Choice"] = "AllDay",
            ["Days[2].Day"] = day3, ["Days[2].Choice"] = "AllDay",
        };
        var backwards = await gil.PostFormAsync("/my/availability", form);
        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        Assert.Contains("the end must be after the start", await backwards.Content.ReadAsStringAsync());

        form["Days[0].Day"] = DateOnly.ParseExact(day3, "yyyy-MM-dd").AddDays(21).ToString("yyyy-MM-dd");
        var wrongDay = await gil.PostFormAsync("/my/availability", form);
        Assert.Contains("does not match the conference days", await wrongDay.Content.ReadAsStringAsync());

        var none = new Dictionary<string, string>
        {
            ["Days[0].Day"] = day1, ["Days[0].Choice"] = "None",
            ["Days[1].Day"] = day2, ["Days[1].Choice"] = "None",
            ["Days[2].Day"] = day3, ["Days[2].Choice"] = "None",
        };
        Assert.Contains("cannot come on any day", await (await gil.PostFormAsync("/my/availability", none)).Content.ReadAsStringAsync());
        var userId = await Site.WithDbAsync(db => db.Users.Where(u => u.Email == "gil.avail@example.com").Select(u => u.Id).FirstAsync());
        Assert.Equal(0, await Site.WithDbAsync(db => db.SpeakerAvailabilities.CountAsync(a => a.UserId == userId)));

        // The page shows what was saved.
        form["Days[0].Day"] = day1; form["Days[0].From"] = "09:00"; form["Days[0].To"] = "12:30";
        Assert.Equal(HttpStatusCode.Redirect, (await gil.PostFormAsync("/my/availability", form)).StatusCode);
        var shown = await gil.GetStringAsync("/my/availability");
        Assert.Contains("value=\"12:30\"", shown);
        Assert.Equal(3, await Site.WithDbAsync(db => db.SpeakerAvailabilities.CountAsync(a => a.UserId == userId)));
    }
}

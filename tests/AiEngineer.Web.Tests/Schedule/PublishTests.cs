using System.Net;
using System.Text.Json;
using AiEngineer.Core.Accounts;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Review;
using Ical.Net;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Schedule;

/// <summary>Building the schedule through /admin/schedule, publishing versions, and what the public pages and feeds show.</summary>
public class PublishTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task A_program_is_built_published_changed_and_republished_and_every_public_view_follows()
    {
        await Site.SetReviewAsync();
        var Day = await Site.EventDayAsync();
        var shownDay = DateOnly.ParseExact(Day, "yyyy-MM-dd").ToString("ddd MMM d", System.Globalization.CultureInfo.InvariantCulture);
        var ann = await Site.ConfirmedProposalAsync("ann.sched@example.com", "Agents in production", "Ann Lee");
        var ben = await Site.ConfirmedProposalAsync("ben.sched@example.com", "Evals on every commit", "Ben Ortiz");
        var pending = await Site.SubmittedProposalAsync("cat.sched@example.com", "Not yet decided", "Cat Wu");
        var anon = Site.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Contains("not published yet", await anon.GetStringAsync("/schedule"));
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync("/schedule.ics")).StatusCode);

        // A reviewer's private comment, to show it never reaches a public page.
        await Site.CreateUserAsync("sched.rev@example.com", Roles.Reviewer);
        var reviewer = await Site.SignedInClientAsync("sched.rev@example.com");
        await reviewer.PostFormAsync($"/review/{ann}", await Site.ScoreFormAsync(5, "schedule-secret-comment"));

        var organizer = await Site.OrganizerAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.AddSlotsAsync(Day, "10:00", "10:30", repeat: 3)).StatusCode);
        Assert.Equal(3, await Site.WithDbAsync(db => db.TimeSlots.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PlaceAsync(Site, ann, Day, "10:00", "Main Stage")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PlaceAsync(Site, ben, Day, "10:00", "Room B")).StatusCode);

        var refused = await organizer.PlaceAsync(Site, pending, Day, "10:30", "Main Stage");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("is not confirmed by its speaker", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.False(await Site.WithDbAsync(db => db.ScheduleItems.AnyAsync(i => i.ProposalId == pending)));

        var lunchSlot = (await Site.SlotIdAsync(Day, "11:00")).ToString();
        Dictionary<string, string> Lunch(string chinese) => new()
        {
            ["Item.Title"] = "Lunch", ["Item.Kind"] = "Lunch", ["Item.SlotId"] = lunchSlot, ["Item.RoomId"] = "",
            ["Item.Translations[zh-Hans:Title]"] = chinese,
        };
        var tooLong = await organizer.PostFormAsync("/admin/schedule?handler=Item", Lunch(new string('午', Core.Schedule.ScheduleItem.TitleMaxLength + 1)), "/admin/schedule");
        Assert.Contains($"Title in 中文（简体） can be at most {Core.Schedule.ScheduleItem.TitleMaxLength} characters.", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()));
        Assert.False(await Site.WithDbAsync(db => db.ScheduleItems.AnyAsync(i => i.Title == "Lunch")));
        var lunch = await organizer.PostFormAsync("/admin/schedule?handler=Item", Lunch("午餐"), "/admin/schedule"); // the item's title in Chinese, beside the English
        Assert.Equal(HttpStatusCode.Redirect, lunch.StatusCode);

        // Placing is a draft: nothing is public and nobody is emailed until publishing.
        Assert.Contains("not published yet", await anon.GetStringAsync("/schedule"));
        var draft = await organizer.GetStringAsync($"/admin/schedule?day={Day}");
        Assert.Contains("Changes to publish (3)", draft);

        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PublishAsync("First cut")).StatusCode);
        await fixture.Smtp.WaitForAsync("ann.sched@example.com", m => m.Subject!.Contains("on the schedule"));
        await fixture.Smtp.WaitForAsync("ben.sched@example.com", m => m.Subject!.Contains("on the schedule"));

        var schedule = WebUtility.HtmlDecode(await anon.GetStringAsync("/schedule"));
        Assert.Contains("Agents in production", schedule);
        Assert.Contains("Evals on every commit", schedule);
        Assert.Contains("Lunch", schedule);
        Assert.DoesNotContain("午餐", schedule);
        Assert.Contains("10:00 AM", schedule);
        using (var zh = new HttpRequestMessage(HttpMethod.Get, "/schedule"))
        {
            zh.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");
            var chinese = WebUtility.HtmlDecode(await (await anon.SendAsync(zh)).Content.ReadAsStringAsync());
            Assert.Contains("<span class=\"entry-title\">午餐</span>", chinese);
            Assert.Contains("Agents in production", chinese); // talks stay as their speakers wrote them
        }
        Assert.DoesNotContain("Not yet decided", schedule);
        var talk = WebUtility.HtmlDecode(await anon.GetStringAsync("/talks/agents-in-production"));
        Assert.Contains("Ann Lee", talk);
        Assert.Contains("Main Stage", talk);
        Assert.Contains("/talks/agents-in-production.ics", talk);
        Assert.Contains("calendar.google.com", talk);
        var speakers = await anon.GetStringAsync("/speakers");
        Assert.Contains("Ann Lee", speakers);
        Assert.Contains("Ben Ortiz", speakers);
        Assert.DoesNotContain("Cat Wu", speakers);
        Assert.Contains("Agents in production", await anon.GetStringAsync("/speakers/ann-lee"));
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync("/speakers/cat-wu")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync("/talks/not-yet-decided")).StatusCode);
        foreach (var page in new[] { schedule, talk, speakers, await anon.GetStringAsync("/speakers/ann-lee"), await anon.GetStringAsync("/schedule.json") })
        {
            Assert.DoesNotContain("schedule-secret-comment", page);
            Assert.DoesNotContain("sched.rev", page);
        }

        var v1 = Calendar.Load(await anon.GetStringAsync("/schedule.ics"))!;
        Assert.Equal(2, v1.Events.Count);
        var annEvent = v1.Events.Single(e => e.Summary == "Agents in production");
        Assert.Equal(0, annEvent.Sequence);
        var conference = await Site.WithDbAsync(db => db.Conferences.FirstAsync());
        Assert.Equal(conference.ToUtc(DateOnly.Parse(Day), new TimeOnly(10, 0)), annEvent.Start!.AsUtc);
        Assert.Equal(conference.ToUtc(DateOnly.Parse(Day), new TimeOnly(10, 30)), annEvent.End!.AsUtc);
        Assert.Contains("Main Stage", annEvent.Location);

        // Publishing with nothing changed is refused and makes no version.
        var again = await organizer.PublishAsync();
        Assert.Contains("Nothing has changed since version 1", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await Site.WithDbAsync(db => db.ScheduleVersions.CountAsync()));

        // Move Ann's talk: the changelog says so, only Ann is told, and her calendar entry's SEQUENCE rises with the same UID.
        var benMailsBefore = fixture.Smtp.To("ben.sched@example.com").Count;
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PlaceAsync(Site, ann, Day, "10:30", "Room B")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PublishAsync()).StatusCode);
        await fixture.Smtp.WaitForAsync("ann.sched@example.com", m => m.Subject!.Contains("has moved") && m.HtmlBody!.Contains("10:30 AM"));
        await Task.Delay(300);
        Assert.Equal(benMailsBefore, fixture.Smtp.To("ben.sched@example.com").Count);
        var versions = await organizer.GetStringAsync("/admin/schedule/versions");
        Assert.Contains($"Moved “Agents in production” to {shownDay}, 10:30 AM, Room B.", WebUtility.HtmlDecode(versions));
        Assert.Contains("First cut", versions);

        var v2 = Calendar.Load(await anon.GetStringAsync("/schedule.ics"))!;
        var moved = v2.Events.Single(e => e.Summary == "Agents in production");
        Assert.Equal(annEvent.Uid, moved.Uid);
        Assert.Equal(1, moved.Sequence);
        Assert.Equal(0, v2.Events.Single(e => e.Summary == "Evals on every commit").Sequence);
        Assert.Equal(conference.ToUtc(DateOnly.Parse(Day), new TimeOnly(10, 30)), moved.Start!.AsUtc);
        var single = Calendar.Load(await anon.GetStringAsync("/talks/agents-in-production.ics"))!;
        Assert.Equal(moved.Uid, Assert.Single(single.Events).Uid);

        // The Frab JSON conference apps read.
        using var json = JsonDocument.Parse(await anon.GetStringAsync("/schedule.json"));
        var s = json.RootElement.GetProperty("schedule");
        Assert.Equal("2", s.GetProperty("version").GetString());
        var conf = s.GetProperty("conference");
        Assert.Equal("America/Los_Angeles", conf.GetProperty("time_zone_name").GetString());
        Assert.Equal(3, conf.GetProperty("daysCount").GetInt32());
        var day1 = conf.GetProperty("days")[0];
        Assert.Equal(Day, day1.GetProperty("date").GetString());
        var roomB = day1.GetProperty("rooms").GetProperty("Room B");
        Assert.Equal(2, roomB.GetArrayLength());
        var ev = roomB[1];
        Assert.Equal("Agents in production", ev.GetProperty("title").GetString());
        Assert.Equal("10:30", ev.GetProperty("start").GetString());
        Assert.Equal("00:30", ev.GetProperty("duration").GetString());
        // The local time with the zone's offset that day (-08:00 in winter, -07:00 in summer).
        var offset = conference.TimeZone.GetUtcOffset(conference.ToUtc(DateOnly.Parse(Day), new TimeOnly(10, 30)));
        Assert.Equal($"{Day}T10:30:00{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}", ev.GetProperty("date").GetString());
        Assert.Equal("agents-in-production", ev.GetProperty("slug").GetString());
        Assert.Equal(ann, ev.GetProperty("id").GetInt32());
        Assert.True(Guid.TryParse(ev.GetProperty("guid").GetString(), out _));
        Assert.Equal("Ann Lee", ev.GetProperty("persons")[0].GetProperty("public_name").GetString());
        Assert.Equal(0, day1.GetProperty("rooms").GetProperty("Main Stage").GetArrayLength());

        // During the event, /schedule says what is on now and what is next.
        Site.Time.SetUtcNow(conference.ToUtc(DateOnly.Parse(Day), new TimeOnly(10, 10)));
        var live = WebUtility.HtmlDecode(await anon.GetStringAsync("/schedule"));
        var nowNext = live[live.IndexOf("Happening now", StringComparison.Ordinal)..live.IndexOf("aria-label=\"Days\"", StringComparison.Ordinal)];
        var upNext = nowNext.IndexOf("Up next", StringComparison.Ordinal);
        Assert.Contains("Evals on every commit", nowNext[..upNext]);
        Assert.DoesNotContain("Agents in production", nowNext[..upNext]);
        Assert.Contains("Agents in production", nowNext[upNext..]);
        // After the last entry there is nothing to announce.
        Site.Time.SetUtcNow(conference.ToUtc(DateOnly.Parse(Day), new TimeOnly(13, 0)));
        Assert.DoesNotContain("Happening now", await anon.GetStringAsync("/schedule"));
    }

    [Fact]
    public async Task Schedule_pages_are_for_organizers_only()
    {
        var anon = Site.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var url in new[] { "/admin/schedule", "/admin/schedule/setup", "/admin/schedule/versions" })
        {
            var r = await anon.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Contains("/Identity/Account/Login", r.Headers.Location!.ToString());
        }
        await Site.CreateUserAsync("plain.sched@example.com");
        var plain = await Site.SignedInClientAsync("plain.sched@example.com");
        var denied = await plain.GetAsync("/admin/schedule");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }
}

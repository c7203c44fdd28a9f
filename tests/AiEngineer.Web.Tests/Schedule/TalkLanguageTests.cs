using System.Net;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Cfp;
using AiEngineer.Web.Tests.Review;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Schedule;

/// <summary>Talks keep the language they are given in: the schedule shows it and filters by it, and the feeds carry it.</summary>
public class TalkLanguageTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task A_talk_in_chinese_is_marked_filterable_and_labelled_in_the_frab_json_and_ical_feeds()
    {
        await Site.SetReviewAsync();
        var day = await Site.EventDayAsync();
        var english = await Site.ConfirmedProposalAsync("lang.en@example.com", "Shipping agents in English", "Eve English");
        var chinese = await Site.ConfirmedProposalAsync("lang.zh@example.com", "大模型应用的评测实践", "Zhang Wei");
        await Site.WithDbAsync(db => db.Proposals.Where(p => p.Id == chinese).ExecuteUpdateAsync(s => s.SetProperty(p => p.Language, "zh-Hans")));

        var organizer = await Site.OrganizerAsync("lang.scheduler@example.com");
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.AddSlotsAsync(day, "10:00", "10:30")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PlaceAsync(Site, english, day, "10:00", "Main Stage")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PlaceAsync(Site, chinese, day, "10:00", "Room B")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PublishAsync()).StatusCode);

        var visitor = Site.CreateClient();
        var all = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/schedule?day={day}"));
        Assert.Contains("Shipping agents in English", all);
        Assert.Contains("大模型应用的评测实践", all);
        Assert.Contains("<span class=\"badge text-bg-light border\" lang=\"zh-Hans\">中文（简体）</span>", all);
        Assert.Contains($"href=\"/schedule?day={day}&language=zh-Hans\"", all);

        var filtered = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/schedule?day={day}&language=zh-Hans"));
        Assert.Contains("大模型应用的评测实践", filtered);
        Assert.DoesNotContain("Shipping agents in English", filtered);
        var unknown = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/schedule?day={day}&language=xx"));
        Assert.Contains("Shipping agents in English", unknown); // an unknown language filters nothing

        var json = await visitor.GetStringAsync("/schedule.json");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var events = doc.RootElement.GetProperty("schedule").GetProperty("conference").GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("rooms").EnumerateObject().SelectMany(r => r.Value.EnumerateArray())).ToList();
        Assert.Equal("zh-Hans", events.Single(e => e.GetProperty("id").GetInt32() == chinese).GetProperty("language").GetString());
        Assert.Equal("en", events.Single(e => e.GetProperty("id").GetInt32() == english).GetProperty("language").GetString());

        var ics = await visitor.GetStringAsync("/schedule.ics");
        Assert.Contains("SUMMARY;LANGUAGE=zh-Hans:大模型应用的评测实践", ics.Replace("\r\n ", ""));
        Assert.Contains("SUMMARY;LANGUAGE=en:Shipping agents in English", ics.Replace("\r\n ", ""));

        var slug = await Site.WithDbAsync(db => db.ScheduleVersions.OrderByDescending(v => v.Id).Select(v => v.Snapshot).FirstAsync());
        Assert.Contains("\"language\":\"zh-Hans\"", slug);
    }

    [Fact]
    public async Task A_speaker_chooses_the_talks_language_in_the_proposal_form_and_an_unknown_one_is_refused()
    {
        var call = await Site.EnsureCallAsync();
        await Site.CreateUserAsync("lang.form@example.com");
        var speaker = await Site.SignedInClientAsync("lang.form@example.com");
        var form = WebUtility.HtmlDecode(await speaker.GetStringAsync("/my/submissions/edit"));
        Assert.Contains("<option value=\"zh-Hans\" lang=\"zh-Hans\">中文（简体）</option>", form);

        var refused = await speaker.PostNewProposalAsync(new(CfpTestData.Form(call.TalkId, call.TrackId, "Klingon talk")) { ["Input.Language"] = "tlh" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Please choose one of the languages listed.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.False(await Site.WithDbAsync(db => db.Proposals.AnyAsync(p => p.Title == "Klingon talk")));

        var saved = await speaker.PostNewProposalAsync(new(CfpTestData.Form(call.TalkId, call.TrackId, "用中文讲的演讲")) { ["Input.Language"] = "zh-Hans" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("zh-Hans", await Site.WithDbAsync(db => db.Proposals.Where(p => p.Title == "用中文讲的演讲").Select(p => p.Language).SingleAsync()));
    }
}

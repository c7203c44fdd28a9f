using System.Net;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Schedule;
using AiEngineer.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Agenda;

public partial class AgendaTests
{
    [Fact]
    public async Task The_agenda_warns_of_clashes_and_notes_moved_and_removed_sessions_in_english_and_chinese()
    {
        const string email = "planner@example.com";
        var me = await AttendeeAsync(email);
        var empty = WebUtility.HtmlDecode(await me.GetStringAsync("/my/agenda"));
        Assert.Contains("Nothing starred yet", empty);
        Assert.Contains("href=\"/my/agenda\"", WebUtility.HtmlDecode(await me.GetStringAsync("/my"))); // from /my and the account menu

        await StarAsync(me, fixture.Cat, true);
        await StarAsync(me, fixture.Eve, true);
        var agenda = WebUtility.HtmlDecode(await me.GetStringAsync("/my/agenda"));
        Assert.Contains("2 sessions starred.", agenda);
        Assert.Contains("Retrieval that works", agenda);
        Assert.Contains("data-agenda-clashes", agenda);
        Assert.Contains("overlaps with “Small models, big wins”", agenda);
        Assert.Contains("overlaps with “Retrieval that works”", agenda);
        Assert.DoesNotContain("data-agenda-moved", agenda);
        Assert.Contains("data-zone-toggle", agenda); // the event's time zone or the visitor's, as on /schedule

        // Another attendee's agenda is their own.
        var other = await AttendeeAsync("someone.else@example.com");
        var theirs = WebUtility.HtmlDecode(await other.GetStringAsync("/my/agenda"));
        Assert.Contains("Nothing starred yet", theirs);
        Assert.DoesNotContain("Retrieval that works", theirs);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync($"/my/agenda?handler=Noted&proposalId={fixture.Eve}", [], "/my/agenda")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Site.CreateBrowserlikeClient().GetAsync("/my/agenda")).StatusCode);

        // Someone who reads the site in Chinese stars Eve's talk too.
        var chineseReader = await AttendeeAsync("zh.planner@example.com");
        await Site.WithDbAsync(async db => { (await db.Users.SingleAsync(u => u.Email == "zh.planner@example.com")).Language = "zh-Hans"; await db.SaveChangesAsync(); });
        await StarAsync(chineseReader, fixture.Eve, true);

        // The organizers move Eve's talk and take Cat's off the program.
        var organizer = await Site.OrganizerAsync("agenda.organizer@example.com");
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PlaceAsync(Site, fixture.Eve, fixture.Day, "10:30", "Main Stage")).StatusCode);
        var catItem = await Site.WithDbAsync(db => db.ScheduleItems.Where(i => i.ProposalId == fixture.Cat).Select(i => i.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync($"/admin/schedule?handler=Remove&id={catItem}", [], "/admin/schedule")).StatusCode);
        var starrers = await Site.WithDbAsync(db => db.SessionStars.Where(s => s.ProposalId == fixture.Eve || s.ProposalId == fixture.Cat)
            .Select(s => s.UserId).Distinct().CountAsync()); // this class's other tests star them too
        Assert.True(starrers >= 2);
        var published = await organizer.PublishAsync("Moves");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains($"{starrers} people who starred moved or removed sessions are told by email.",
            WebUtility.HtmlDecode(await organizer.GetStringAsync(published.Headers.Location!.OriginalString)));

        // Each person who starred them gets one email for this publish, listing all of theirs, in their language.
        var mail = await fixture.Smtp.WaitForAsync(email, m => m.Subject == "Your agenda has changed");
        var body = WebUtility.HtmlDecode(mail.HtmlBody!);
        Assert.Contains("Small models, big wins", body);
        Assert.Contains("Now ", body);
        Assert.Matches(@"Now \w{3} \w{3} \d+, 10:30 AM–\d+:\d\d [AP]M in Main Stage", body);
        Assert.Contains("(was ", body);
        Assert.Matches(@"\(was \w{3} \w{3} \d+, 11:00 AM–\d+:\d\d [AP]M in Room B\)", body);
        Assert.Contains("Retrieval that works", body);
        Assert.Contains("No longer on the program (it was ", body);
        Assert.Contains("/talks/small-models-big-wins", body);
        Assert.Contains("/my/agenda", body);
        var zhMail = await fixture.Smtp.WaitForAsync("zh.planner@example.com", m => m.Subject == "您的议程有变动");
        var zhBody = WebUtility.HtmlDecode(zhMail.HtmlBody!);
        Assert.Contains("Small models, big wins", zhBody);
        Assert.Contains("现为", zhBody);
        Assert.Contains("10:30–", zhBody);
        Assert.DoesNotContain("Retrieval that works", zhBody); // only what they starred
        Assert.Empty(fixture.Smtp.To("someone.else@example.com")); // starred nothing

        agenda = WebUtility.HtmlDecode(await me.GetStringAsync("/my/agenda"));
        Assert.DoesNotContain("data-agenda-clashes", agenda);
        Assert.Contains("data-agenda-moved", agenda);
        Assert.Contains("One session moved since you starred it.", agenda);
        Assert.Contains("when you starred it, it was", agenda);
        Assert.Contains("11:00 AM, Room B.", agenda);
        Assert.Contains("No longer on the program", agenda);
        Assert.Contains("Retrieval that works", agenda);

        // Ann's and Ben's talks overlap: starring both warns, in Chinese too.
        await StarAsync(me, fixture.Ann, true);
        await StarAsync(me, fixture.Ben, true);
        await me.PostFormAsync("/my/agenda?handler=NewLink", [], "/my/agenda");
        var chinese = WebUtility.HtmlDecode(await NoEnglish.OnAsync(Site, me, "/my/agenda", "SiteText", "AgendaText"));
        Assert.Contains("时间冲突", chinese);
        Assert.Contains("已调整", chinese);
        Assert.Contains("已不在议程中", chinese);
        Assert.Contains("我的议程", chinese);

        // Publishing again without touching a starred session tells no one again: one email per person and publish.
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PlaceAsync(Site, fixture.Ann, fixture.Day, "10:00", "Room C")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PublishAsync("Ann to Room C")).StatusCode);
        await fixture.Smtp.WaitForAsync(email, m => m.Subject == "Your agenda has changed" && WebUtility.HtmlDecode(m.HtmlBody!).Contains("Agents in production"));
        Assert.Single(fixture.Smtp.To("zh.planner@example.com"), m => m.Subject == "您的议程有变动");
        Assert.Equal(2, fixture.Smtp.To(email).Count(m => m.Subject == "Your agenda has changed"));

        // "Noted" takes the moved note away: the star now remembers the new time.
        Assert.Equal(HttpStatusCode.Redirect, (await me.PostFormAsync($"/my/agenda?handler=Noted&proposalId={fixture.Eve}", [], "/my/agenda")).StatusCode);
        Assert.Contains("One session moved since you starred it.", WebUtility.HtmlDecode(await me.GetStringAsync("/my/agenda"))); // Ann's, still
        Assert.Equal(HttpStatusCode.Redirect, (await me.PostFormAsync($"/my/agenda?handler=Noted&proposalId={fixture.Ann}", [], "/my/agenda")).StatusCode);
        Assert.DoesNotContain("data-agenda-moved", await me.GetStringAsync("/my/agenda"));

        // A star on a session no longer on the program can still be removed.
        Assert.Equal(HttpStatusCode.Redirect, (await StarAsync(me, fixture.Cat, false, "/my/agenda")).StatusCode);
        Assert.DoesNotContain("No longer on the program", WebUtility.HtmlDecode(await me.GetStringAsync("/my/agenda")));
    }
}

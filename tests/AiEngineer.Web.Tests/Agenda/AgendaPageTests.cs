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

        // The organizers move Eve's talk and take Cat's off the program.
        var organizer = await Site.OrganizerAsync("agenda.organizer@example.com");
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PlaceAsync(Site, fixture.Eve, fixture.Day, "10:30", "Main Stage")).StatusCode);
        var catItem = await Site.WithDbAsync(db => db.ScheduleItems.Where(i => i.ProposalId == fixture.Cat).Select(i => i.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync($"/admin/schedule?handler=Remove&id={catItem}", [], "/admin/schedule")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PublishAsync("Moves")).StatusCode);

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

        // "Noted" takes the moved note away: the star now remembers the new time.
        Assert.Equal(HttpStatusCode.Redirect, (await me.PostFormAsync($"/my/agenda?handler=Noted&proposalId={fixture.Eve}", [], "/my/agenda")).StatusCode);
        Assert.DoesNotContain("data-agenda-moved", await me.GetStringAsync("/my/agenda"));

        // A star on a session no longer on the program can still be removed.
        Assert.Equal(HttpStatusCode.Redirect, (await StarAsync(me, fixture.Cat, false, "/my/agenda")).StatusCode);
        Assert.DoesNotContain("No longer on the program", WebUtility.HtmlDecode(await me.GetStringAsync("/my/agenda")));
    }
}

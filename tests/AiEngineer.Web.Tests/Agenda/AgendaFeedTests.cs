using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Schedule;
using Ical.Net;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Agenda;

public partial class AgendaTests
{
    private static async Task<string> NewFeedLinkAsync(HttpClient me)
    {
        var made = await me.PostFormAsync("/my/agenda?handler=NewLink", [], "/my/agenda");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var page = WebUtility.HtmlDecode(await me.GetStringAsync("/my/agenda"));
        var link = Regex.Match(page, "value=\"(https?://[^\"]+/agenda/[A-Za-z0-9_-]+\\.ics)\"").Groups[1].Value;
        Assert.NotEmpty(link);
        Assert.Contains("webcal://", page);
        // Shown once: only its hash is kept.
        Assert.DoesNotContain(link, WebUtility.HtmlDecode(await me.GetStringAsync("/my/agenda")));
        return new Uri(link).PathAndQuery;
    }

    [Fact]
    public async Task The_private_calendar_feed_lists_my_stars_follows_the_published_schedule_and_can_be_replaced_or_turned_off()
    {
        const string email = "calendar.user@example.com";
        var me = await AttendeeAsync(email);
        await StarAsync(me, fixture.Ann, true);
        await StarAsync(me, fixture.Ben, true);
        var feed = await NewFeedLinkAsync(me);
        var token = feed["/agenda/".Length..^".ics".Length];
        Assert.True(token.Length >= 43);
        Assert.False(await Site.WithDbAsync(db => db.AgendaFeeds.AnyAsync(f => f.TokenHash == token))); // never stored as is

        var calendarApp = Site.CreateClient(new() { AllowAutoRedirect = false }); // no cookie, no sign-in
        var response = await calendarApp.GetAsync(feed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("private", response.Headers.CacheControl!.ToString());
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(["Agents in production", "Evals on every commit"], calendar.Events.Select(e => e.Summary ?? "").Order().ToArray());
        Assert.Contains("my agenda", calendar.Properties["X-WR-CALNAME"]?.Value?.ToString());
        var ann = calendar.Events.Single(e => e.Summary == "Agents in production");
        Assert.Contains("Main Stage", ann.Location);

        // Another attendee's stars are not in it, and a made-up token finds nothing.
        var other = await AttendeeAsync("calendar.other@example.com");
        await StarAsync(other, fixture.Cat, true);
        Assert.DoesNotContain("Retrieval that works", await calendarApp.GetStringAsync(feed));
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync("/agenda/" + new string('a', 43) + ".ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync("/agenda/short.ics")).StatusCode);

        // A new link replaces the old one at once.
        var renewed = await NewFeedLinkAsync(me);
        Assert.NotEqual(feed, renewed);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(feed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(renewed)).StatusCode);
        Assert.Equal(1, await Site.WithDbAsync(db => db.AgendaFeeds.CountAsync(f => db.Users.Any(u => u.Id == f.UserId && u.Email == email))));

        // Unstarring shows at the next fetch.
        await StarAsync(me, fixture.Ben, false);
        var after = Calendar.Load(await calendarApp.GetStringAsync(renewed))!;
        Assert.Equal(["Agents in production"], after.Events.Select(e => e.Summary ?? "").ToArray());

        // Turning the link off: it answers 404.
        Assert.Equal(HttpStatusCode.Redirect, (await me.PostFormAsync("/my/agenda?handler=StopLink", [], "/my/agenda")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(renewed)).StatusCode);
        Assert.Contains("Make a private calendar link", WebUtility.HtmlDecode(await me.GetStringAsync("/my/agenda")));
    }
}

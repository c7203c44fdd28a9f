using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Review;
using AiEngineer.Web.Tests.Schedule;
using AiEngineer.Web.Tests.Site;
using Ical.Net;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Agenda;

/// <summary>A published program of three talks (two at the same time) for the agenda tests.</summary>
public class AgendaFixture : SiteFixture
{
    public int Ann { get; private set; }
    public int Ben { get; private set; }
    public int Cat { get; private set; }
    public int Eve { get; private set; }
    public int Pending { get; private set; }
    public string Day { get; private set; } = "";

    protected override async Task SeedAsync()
    {
        await Site.SetReviewAsync();
        Day = await Site.EventDayAsync();
        Ann = await Site.ConfirmedProposalAsync("ann.agenda@example.com", "Agents in production", "Ann Lee");
        Ben = await Site.ConfirmedProposalAsync("ben.agenda@example.com", "Evals on every commit", "Ben Ortiz");
        Cat = await Site.ConfirmedProposalAsync("cat.agenda@example.com", "Retrieval that works", "Cat Wu");
        Eve = await Site.ConfirmedProposalAsync("eve.agenda@example.com", "Small models, big wins", "Eve Park");
        Pending = await Site.SubmittedProposalAsync("dan.agenda@example.com", "Not yet decided", "Dan Ng");
        var organizer = await Site.OrganizerAsync("agenda.organizer@example.com");
        await organizer.AddSlotsAsync(Day, "10:00", "10:30", repeat: 3);
        await organizer.PlaceAsync(Site, Ann, Day, "10:00", "Main Stage");
        await organizer.PlaceAsync(Site, Ben, Day, "10:00", "Room B");
        await organizer.PlaceAsync(Site, Cat, Day, "11:00", "Main Stage");
        await organizer.PlaceAsync(Site, Eve, Day, "11:00", "Room B");
        await organizer.PublishAsync("First cut");
    }
}

/// <summary>Starring sessions, /my/agenda (clashes, moves, removals) and the private calendar feed.</summary>
public partial class AgendaTests(AgendaFixture fixture) : IClassFixture<AgendaFixture>
{
    private SiteFactory Site => fixture.Site;

    private async Task<HttpClient> AttendeeAsync(string email)
    {
        if (!await Site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))) await Site.CreateUserAsync(email);
        return await Site.SignedInClientAsync(email);
    }

    private Task<int> StarsAsync(string email) =>
        Site.WithDbAsync(db => db.SessionStars.CountAsync(s => db.Users.Any(u => u.Id == s.UserId && u.Email == email)));

    private static Task<HttpResponseMessage> StarAsync(HttpClient client, int proposalId, bool star, string from = "/schedule") =>
        client.PostFormAsync($"/my/agenda/star/{proposalId}", new() { ["Star"] = star ? "true" : "false", ["ReturnUrl"] = from }, "/schedule");

    [Fact]
    public async Task Starring_and_unstarring_by_form_post_is_idempotent_and_shows_on_the_schedule()
    {
        const string email = "starrer@example.com";
        var me = await AttendeeAsync(email);
        var schedule = WebUtility.HtmlDecode(await me.GetStringAsync($"/schedule?day={fixture.Day}"));
        Assert.Contains($"action=\"/my/agenda/star/{fixture.Ann}\"", schedule);
        Assert.Contains("aria-label=\"Star “Agents in production”\"", schedule);
        Assert.DoesNotContain("aria-pressed=\"true\"", schedule);

        var starred = await StarAsync(me, fixture.Ann, true, $"/schedule?day={fixture.Day}");
        Assert.Equal(HttpStatusCode.Redirect, starred.StatusCode);
        Assert.Equal($"/schedule?day={fixture.Day}", starred.Headers.Location!.OriginalString);
        Assert.Equal(1, await StarsAsync(email));
        Assert.Equal(HttpStatusCode.Redirect, (await StarAsync(me, fixture.Ann, true)).StatusCode); // twice: still one
        Assert.Equal(1, await StarsAsync(email));
        var star = await Site.WithDbAsync(db => db.SessionStars.SingleAsync(s => s.ProposalId == fixture.Ann && db.Users.Any(u => u.Id == s.UserId && u.Email == email)));
        var conference = await Site.WithDbAsync(db => db.Conferences.FirstAsync());
        Assert.Equal(conference.ToUtc(DateOnly.Parse(fixture.Day), new TimeOnly(10, 0)), star.StarredStartsAt);
        Assert.Equal("Main Stage", star.StarredRoom);

        schedule = WebUtility.HtmlDecode(await me.GetStringAsync($"/schedule?day={fixture.Day}"));
        Assert.Matches(new Regex($"data-star=\"{fixture.Ann}\">\\s*<input type=\"hidden\" name=\"Star\" value=\"false\""), schedule);
        Assert.Contains("aria-pressed=\"true\"", schedule);
        var talk = WebUtility.HtmlDecode(await me.GetStringAsync("/talks/agents-in-production"));
        Assert.Contains("aria-pressed=\"true\"", talk);

        // The script's request: the same form, answered with JSON.
        var token = HttpClientFormExtensions.AntiforgeryToken(await me.GetStringAsync("/schedule"));
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/my/agenda/star/{fixture.Cat}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Star"] = "true", ["__RequestVerificationToken"] = token }),
        })
        {
            request.Headers.Accept.ParseAdd("application/json");
            var json = await me.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
            Assert.Equal("{\"starred\":true}", await json.Content.ReadAsStringAsync());
        }
        Assert.Equal(2, await StarsAsync(email));

        // Without the antiforgery token nothing changes.
        var forged = await me.PostAsync($"/my/agenda/star/{fixture.Ben}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Star"] = "true" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(2, await StarsAsync(email));

        Assert.Equal(HttpStatusCode.Redirect, (await StarAsync(me, fixture.Ann, false)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StarAsync(me, fixture.Ann, false)).StatusCode);
        Assert.Equal(1, await StarsAsync(email));

        // A return address elsewhere is not followed.
        var away = await StarAsync(me, fixture.Ann, true, "https://evil.example/");
        Assert.Equal("/my/agenda", away.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Unknown_and_unpublished_sessions_cannot_be_starred()
    {
        const string email = "unknown.star@example.com";
        var me = await AttendeeAsync(email);
        Assert.Equal(HttpStatusCode.NotFound, (await StarAsync(me, fixture.Pending, true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await StarAsync(me, 987654, true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync($"/my/agenda/star/{fixture.Pending}")).StatusCode);
        Assert.Equal(0, await StarsAsync(email));
    }

    [Fact]
    public async Task An_anonymous_star_leads_to_sign_in_and_is_kept_through_it_but_a_get_never_stars()
    {
        const string email = "anon.star@example.com";
        await Site.CreateUserAsync(email);
        var browser = Site.CreateBrowserlikeClient();
        var schedule = WebUtility.HtmlDecode(await browser.GetStringAsync($"/schedule?day={fixture.Day}"));
        Assert.DoesNotContain("__RequestVerificationToken", schedule); // the anonymous page stays cacheable
        var link = Regex.Match(schedule, $"href=\"(/my/agenda/star/{fixture.Ben}\\?returnUrl=[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(link);

        var challenge = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var login = challenge.Headers.Location!;
        Assert.Contains("/Identity/Account/Login", login.ToString());
        var signedIn = await browser.PostFormAsync(login.PathAndQuery, new() { ["Input.Email"] = email, ["Input.Password"] = SiteFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var confirm = signedIn.Headers.Location!.OriginalString;
        Assert.StartsWith($"/my/agenda/star/{fixture.Ben}", confirm);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(confirm));
        Assert.Contains("Add this session to your agenda?", page);
        Assert.Contains("Evals on every commit", page);
        Assert.Equal(0, await StarsAsync(email)); // asking is not starring

        var done = await browser.PostFormAsync(confirm, new() { ["Star"] = "true", ["ReturnUrl"] = "/schedule?day=" + fixture.Day });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(1, await StarsAsync(email));
        Assert.Contains("In your agenda", WebUtility.HtmlDecode(await browser.GetStringAsync(confirm)));
    }
}

using System.Net;
using System.Text;
using AiEngineer.Core.Feedback;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Feedback;

/// <summary>
/// Feedback with both sessions over (the clock two hours past the first one's end): only ticket holders give it, once
/// each, with a clear refusal for a bad rating or comment; the session's own speakers and the organizers read it without
/// who gave it, and no public page carries it.
/// </summary>
public class FeedbackTests(FeedbackTests.Fixture fixture) : IClassFixture<FeedbackTests.Fixture>
{
    public sealed class Fixture : FeedbackFixture
    {
        protected override async Task SeedAsync()
        {
            await base.SeedAsync();
            Site.Time.SetUtcNow(EndsAt.AddHours(2));
        }
    }

    private SiteFactory Site => fixture.Site;

    private Task<List<SessionFeedback>> FeedbackAsync(int proposalId) =>
        Site.WithDbAsync(db => db.SessionFeedback.AsNoTracking().Where(f => f.ProposalId == proposalId).OrderBy(f => f.Id).ToListAsync());

    /// <summary>A fresh paid ticket per test, so each test's feedback is its own.</summary>
    private async Task<string> TicketAsync(string name) =>
        (await Site.PaidTicketsAsync($"{name.Replace(' ', '.').ToLowerInvariant()}.buyer@example.com", (name, $"{name.Replace(' ', '.').ToLowerInvariant()}@example.com")))[0];

    [Fact]
    public async Task Without_a_valid_ticket_there_is_no_feedback_and_a_post_saves_nothing()
    {
        var anonymous = Site.CreateBrowserlikeClient();
        var refused = await anonymous.GetAsync(fixture.Page());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var shown = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Feedback is for ticket holders.", shown);
        Assert.DoesNotContain("name=\"Input.Rating\"", shown);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(fixture.Page("NOT-A-TICKET"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/talks/no-such-talk/feedback")).StatusCode);

        var cancelled = await TicketAsync("Cass Cancelled");
        await Site.WithDbAsync(db => db.Tickets.Where(t => t.Code == cancelled).ExecuteUpdateAsync(t => t.SetProperty(x => x.CancelledAt, Site.Time.GetUtcNow().UtcDateTime)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(fixture.Page(cancelled))).StatusCode);

        await Site.CreateUserAsync("fb.nobody@example.com");
        var nobody = await Site.SignedInClientAsync("fb.nobody@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, (await nobody.GetAsync(fixture.Page())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.PostDirectAsync(nobody, null, 1, "sneaky")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.PostDirectAsync(anonymous, "NOT-A-TICKET", 1, "sneaky")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.PostDirectAsync(anonymous, cancelled, 1, "sneaky")).StatusCode);

        // The session's own speaker reads the feedback elsewhere and cannot rate their own talk.
        var speaker = await Site.SignedInClientAsync(FeedbackFixture.SpeakerEmail);
        var own = WebUtility.HtmlDecode(await speaker.GetStringAsync(fixture.Page()));
        Assert.Contains("This is your session, so you do not rate it.", own);
        Assert.Contains($"/my/submissions/{fixture.ProposalId}", own);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.PostDirectAsync(speaker, null, 5, "sneaky")).StatusCode);

        Assert.False(await Site.WithDbAsync(db => db.SessionFeedback.AnyAsync(f => f.Comment == "sneaky")));
    }

    [Fact]
    public async Task A_holder_rates_through_the_ticket_link_and_sending_again_changes_the_same_feedback()
    {
        var ticket = await TicketAsync("Lou Linked");
        var client = Site.CreateBrowserlikeClient();
        var form = WebUtility.HtmlDecode(await client.GetStringAsync(fixture.Page(ticket.ToLowerInvariant())));
        Assert.Contains("Your feedback", form);
        Assert.Contains($"action=\"{fixture.Page(ticket)}\"", form); // the form carries the ticket, as the code is stored
        foreach (var label in new[] { "Poor", "Fair", "Good", "Very good", "Excellent" }) Assert.Contains(label, form);

        var given = await fixture.RateAsync(client, ticket, 3, "  Good examples;\r\nthe demo ran long.  ");
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Equal(fixture.Page(ticket), given.Headers.Location!.OriginalString);
        var first = Assert.Single(await FeedbackAsync(fixture.ProposalId), f => f.HolderKey == "ticket:" + ticket);
        Assert.Equal((3, "Good examples;\nthe demo ran long."), (first.Rating, first.Comment));

        Site.Time.Advance(TimeSpan.FromMinutes(5));
        var again = WebUtility.HtmlDecode(await client.GetStringAsync(fixture.Page(ticket)));
        Assert.Contains("Change your feedback", again);
        Assert.Contains("Sending again replaces it.", again);
        Assert.Matches("id=\"rating-3\"[^>]*checked", again);
        Assert.Contains("the demo ran long.</textarea>", again);
        var changed = await fixture.RateAsync(client, ticket, 5, "");
        Assert.Contains("Your feedback is changed.", await client.ShownAsync(changed));

        var row = Assert.Single(await FeedbackAsync(fixture.ProposalId), f => f.HolderKey == "ticket:" + ticket);
        Assert.Equal(first.Id, row.Id);
        Assert.Equal((5, ""), (row.Rating, row.Comment));
        Assert.Equal(first.CreatedAt, row.CreatedAt);
        Assert.Equal(first.CreatedAt.AddMinutes(5), row.UpdatedAt);
    }

    [Fact]
    public async Task A_signed_in_holder_gives_one_feedback_per_session_under_their_account()
    {
        var me = await Site.SignedInClientAsync(FeedbackFixture.HolderEmail);
        var userId = await Site.WithDbAsync(db => db.Users.Where(u => u.Email == FeedbackFixture.HolderEmail).Select(u => u.Id).SingleAsync());
        // With the ticket link too, a signed-in holder is one person: their account.
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.RateAsync(me, null, 4, "Signed in.", FeedbackFixture.OtherSlug)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.RateAsync(me, fixture.Tickets[0], 2, "Signed in, again.", FeedbackFixture.OtherSlug)).StatusCode);
        var mine = (await FeedbackAsync(fixture.OtherProposalId)).Where(f => f.HolderKey.StartsWith("user:") || f.HolderKey == "ticket:" + fixture.Tickets[0]).ToList();
        var row = Assert.Single(mine);
        Assert.Equal(("user:" + userId, 2, "Signed in, again."), (row.HolderKey, row.Rating, row.Comment));
    }

    [Fact]
    public async Task A_rating_outside_1_to_5_or_a_comment_over_2000_characters_is_refused_with_a_message_and_saves_nothing()
    {
        var ticket = await TicketAsync("Max Mistake");
        var client = Site.CreateBrowserlikeClient();
        foreach (var rating in new int?[] { null, 0, 6, -1 })
        {
            var response = await fixture.RateAsync(client, ticket, rating, "Kept comment");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var shown = await client.ShownAsync(response);
            Assert.Contains("Choose a rating from 1 to 5.", shown);
            Assert.Contains("Kept comment</textarea>", shown); // what was typed stays
        }
        var tooLong = await client.ShownAsync(await fixture.RateAsync(client, ticket, 4, new string('x', SessionFeedback.CommentMaxLength + 1)));
        Assert.Contains("A comment can be at most 2000 characters.", tooLong);
        var both = await client.ShownAsync(await fixture.RateAsync(client, ticket, 9, new string('x', SessionFeedback.CommentMaxLength + 1)));
        Assert.Contains("Choose a rating from 1 to 5.", both);
        Assert.Contains("A comment can be at most 2000 characters.", both);
        Assert.False(await Site.WithDbAsync(db => db.SessionFeedback.AnyAsync(f => f.HolderKey == "ticket:" + ticket)));

        // Exactly 2000 characters, once trimmed, is fine.
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.RateAsync(client, ticket, 1, "  " + new string('y', SessionFeedback.CommentMaxLength) + "\n")).StatusCode);
        Assert.Equal(SessionFeedback.CommentMaxLength, (await FeedbackAsync(fixture.ProposalId)).Single(f => f.HolderKey == "ticket:" + ticket).Comment.Length);
    }

    [Fact]
    public async Task A_speaker_sees_their_sessions_ratings_and_comments_without_names_and_another_speaker_sees_none_of_it()
    {
        var (ann, ben) = (await TicketAsync("Ann Anonymous"), await TicketAsync("Ben Anonymous"));
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.RateAsync(Site.CreateBrowserlikeClient(), ann, 5, "Loved the <b>live</b> demo.", FeedbackFixture.OtherSlug)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.RateAsync(Site.CreateBrowserlikeClient(), ben, 2, "Slides too dense.", FeedbackFixture.OtherSlug)).StatusCode);
        var expected = await FeedbackAsync(fixture.OtherProposalId);

        var gus = await Site.SignedInClientAsync(FeedbackFixture.OtherSpeakerEmail);
        var raw = await gus.GetStringAsync($"/my/submissions/{fixture.OtherProposalId}");
        Assert.Contains("Loved the &lt;b&gt;live&lt;/b&gt; demo.", raw); // encoded, never markup
        var view = WebUtility.HtmlDecode(raw);
        Assert.Contains("Feedback from attendees", view);
        Assert.Contains($"{expected.Count} ratings", view);
        Assert.Contains(expected.Average(f => f.Rating).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), view);
        Assert.Contains("Slides too dense.", view);
        Assert.Contains("Rated 2 of 5", view);
        foreach (var who in new[] { "Ann Anonymous", "Ben Anonymous", ann, ben, "ticket:", "user:" }) Assert.DoesNotContain(who, view);

        // Fay, who speaks in the other session, gets nothing of Gus's: not his page, not his comments on hers.
        var fay = await Site.SignedInClientAsync(FeedbackFixture.SpeakerEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await fay.GetAsync($"/my/submissions/{fixture.OtherProposalId}")).StatusCode);
        var hers = WebUtility.HtmlDecode(await fay.GetStringAsync($"/my/submissions/{fixture.ProposalId}"));
        Assert.Contains("Feedback from attendees", hers);
        Assert.DoesNotContain("Slides too dense.", hers);
        Assert.DoesNotContain("Loved the", hers);
        Assert.Equal(HttpStatusCode.Forbidden, (await fay.GetAsync("/admin/feedback")).StatusCode);
    }

    [Fact]
    public async Task The_organizer_sees_every_sessions_feedback_and_the_csv_neutralises_formulas_and_names_nobody()
    {
        var (eve, flo) = (await TicketAsync("Eve Formula"), await TicketAsync("Flo Formula"));
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.RateAsync(Site.CreateBrowserlikeClient(), eve, 4, "=HYPERLINK(\"http://evil.example\")")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.RateAsync(Site.CreateBrowserlikeClient(), flo, 1, "@SUM(A1) and +1 -1")).StatusCode);
        var organizer = await Site.SignedInClientAsync(FeedbackFixture.OrganizerEmail);

        var page = WebUtility.HtmlDecode(await organizer.GetStringAsync("/admin/feedback"));
        Assert.Contains("Session feedback", page);
        Assert.Contains("What the evals said", page);
        Assert.Contains("Shipping agents safely", page);
        Assert.Contains("Fay Speaker", page);
        Assert.Contains("=HYPERLINK(\"http://evil.example\")", page);
        Assert.Contains("href=\"/admin/feedback?handler=Csv\"", page);
        Assert.Contains("/admin/feedback?handler=Csv", await organizer.GetStringAsync("/admin/exports"));

        var response = await organizer.GetAsync("/admin/feedback?handler=Csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Session,Speakers,Rating,Comment,Submitted (UTC),Updated (UTC)", lines[0]);
        var all = await Site.WithDbAsync(db => db.SessionFeedback.AsNoTracking().ToListAsync());
        Assert.Equal(all.Count + 1, lines.Length - all.Count(f => f.Comment.Contains('\n'))); // one row each (a comment may span lines)
        Assert.Contains("What the evals said,Fay Speaker,4,\"'=HYPERLINK(\"\"http://evil.example\"\")\",", csv);
        Assert.Contains("What the evals said,Fay Speaker,1,'@SUM(A1) and +1 -1,", csv);
        var eveRow = all.Single(f => f.HolderKey == "ticket:" + eve);
        Assert.Contains(eveRow.CreatedAt.ToString("yyyy-MM-dd HH:mm"), csv);
        foreach (var who in new[] { "Eve Formula", "Flo Formula", "eve.formula@example.com", eve, flo, "ticket:", "user:", FeedbackFixture.HolderEmail, "Hana Holder" })
            Assert.DoesNotContain(who, csv);
        foreach (var who in new[] { "Eve Formula", "Flo Formula", eve, flo, "ticket:", "user:" }) Assert.DoesNotContain(who, page);
    }

    [Fact]
    public async Task Feedback_never_shows_on_the_talk_page_the_schedule_or_their_feeds()
    {
        const string secret = "Only organizers and Fay may read this sentence.";
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.RateAsync(Site.CreateBrowserlikeClient(), await TicketAsync("Pia Private"), 2, secret)).StatusCode);
        var visitor = Site.CreateClient();
        var talk = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/talks/{FeedbackFixture.Slug}"));
        Assert.Contains("Rate this session", talk); // the session has ended: a plain link to the form
        var day = await Site.EventDayAsync();
        foreach (var (path, shown) in new[] { ($"/talks/{FeedbackFixture.Slug}", talk) }.Concat(await Task.WhenAll(
            new[] { "/schedule", $"/schedule?day={day}", "/schedule.json", "/schedule.ics", $"/talks/{FeedbackFixture.Slug}.ics", "/speakers", "/" }
                .Select(async p => (p, WebUtility.HtmlDecode(await visitor.GetStringAsync(p)))))))
        {
            Assert.DoesNotContain(secret, shown);
            Assert.DoesNotContain("Feedback from attendees", shown);
            Assert.DoesNotContain("ratings", shown, StringComparison.OrdinalIgnoreCase);
            Assert.True(!shown.Contains("/admin/feedback"), $"{path} links the organizers' feedback");
        }
        // Not to a holder either: their own form shows only what they gave.
        var other = WebUtility.HtmlDecode(await Site.CreateClient().GetStringAsync(fixture.Page(await TicketAsync("Quin Curious"))));
        Assert.DoesNotContain(secret, other);
    }

    /// <summary>
    /// Signed in as an account that reads Chinese (signing in puts the account's language in the cookie); the account goes
    /// back to English after, for the other tests that sign it in.
    /// </summary>
    private async Task<HttpClient> SignedInInChineseAsync(string email)
    {
        Task SetAsync(string language) => Site.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, language)));
        await SetAsync("zh-Hans");
        var client = await Site.SignedInClientAsync(email);
        await SetAsync("en");
        return client;
    }

    [Fact]
    public async Task The_feedback_pages_speak_chinese()
    {
        var ticket = await TicketAsync("Wen Chinese");
        var client = Site.CreateBrowserlikeClient();
        var form = await NoEnglish.OnAsync(Site, client, fixture.Page(ticket), "SiteText", "FeedbackText");
        Assert.Contains("您", WebUtility.HtmlDecode(form));
        await fixture.RateAsync(client, ticket, 4, "写得很好。");
        await NoEnglish.OnAsync(Site, client, fixture.Page(ticket), "SiteText", "FeedbackText");
        await NoEnglish.OnAsync(Site, Site.CreateClient(), fixture.Page(), "SiteText", "FeedbackText");

        var speaker = await SignedInInChineseAsync(FeedbackFixture.SpeakerEmail);
        await NoEnglish.OnAsync(Site, speaker, $"/my/submissions/{fixture.ProposalId}", "SiteText", "MyText", "FeedbackText");
        var organizer = await SignedInInChineseAsync(FeedbackFixture.OrganizerEmail);
        await NoEnglish.OnAsync(Site, organizer, "/admin/feedback", "SiteText", "AdminText", "FeedbackText");
    }
}

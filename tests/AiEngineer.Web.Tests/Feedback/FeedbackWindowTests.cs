using System.Net;
using AiEngineer.Core.Feedback;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Feedback;

/// <summary>
/// When a session can be rated, by the site's clock: not before it ends (the page says when it opens), from its end, and
/// not after the week that follows the summit (the page says it is closed and shows what the person gave).
/// </summary>
public class FeedbackWindowTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private SiteFactory Site => fixture.Site;

    private Task<List<SessionFeedback>> FeedbackAsync() =>
        Site.WithDbAsync(db => db.SessionFeedback.AsNoTracking().Where(f => f.ProposalId == fixture.ProposalId).ToListAsync());

    [Fact]
    public async Task Feedback_opens_when_the_session_ends_and_closes_a_week_after_the_summit()
    {
        var ticket = fixture.Tickets[1];
        var client = Site.CreateBrowserlikeClient();

        // Weeks before: the page says when it opens, has no form, and a POST is refused.
        Site.Time.SetUtcNow(fixture.EndsAt.AddMinutes(-1));
        var before = WebUtility.HtmlDecode(await client.GetStringAsync(fixture.Page(ticket)));
        Assert.Contains("Not open yet", before);
        Assert.Contains("Feedback opens when the session ends", before);
        Assert.Contains("10:30 AM", before);
        Assert.DoesNotContain("name=\"Input.Rating\"", before);
        var early = await fixture.PostDirectAsync(client, ticket, 5, "Too early");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains(FeedbackWindow.NotYet.ToString(), await client.ShownAsync(early));
        Assert.Empty(await FeedbackAsync());

        // At the session's end the form is there and takes a rating.
        Site.Time.SetUtcNow(fixture.EndsAt);
        var open = WebUtility.HtmlDecode(await client.GetStringAsync(fixture.Page(ticket)));
        Assert.Contains("Your feedback", open);
        Assert.Contains("name=\"Input.Rating\"", open);
        var given = await fixture.RateAsync(client, ticket, 4, "Clear and useful.");
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Contains("Thank you! Your feedback is in.", await client.ShownAsync(given));

        // The last moment of the week after the summit still changes it.
        Site.Time.SetUtcNow(fixture.ClosesAt.AddMinutes(-1));
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.RateAsync(client, ticket, 5, "Even better on reflection.")).StatusCode);

        // Then it is closed: what the person gave is shown, and a change is refused and changes nothing.
        Site.Time.SetUtcNow(fixture.ClosesAt);
        var closed = WebUtility.HtmlDecode(await client.GetStringAsync(fixture.Page(ticket)));
        Assert.Contains("Feedback is closed", closed);
        Assert.Contains("You rated it 5 out of 5.", closed);
        Assert.Contains("Even better on reflection.", closed);
        Assert.DoesNotContain("name=\"Input.Rating\"", closed);
        var refused = await fixture.PostDirectAsync(client, ticket, 1, "Too late");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(FeedbackWindow.Closed.ToString(), await client.ShownAsync(refused));
        var row = Assert.Single(await FeedbackAsync());
        Assert.Equal(5, row.Rating);
        Assert.Equal("Even better on reflection.", row.Comment);
    }
}

using AiEngineer.BrowserTests.Infrastructure;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Pages.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Feedback;

/// <summary>
/// With the site's clock past the end of one of Priya Patel's sessions (a demo speaker): a ticket holder rates it through the ticket link
/// and changes it, Priya reads it on her submission's page, the organizer on /admin/feedback and in the CSV.
/// </summary>
public class FeedbackJourneyTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task After_a_session_a_holder_rates_it_and_changes_it_and_the_speaker_and_the_organizer_read_it()
    {
        var conference = await fixture.ConferenceAsync();
        var (session, ticket) = await SpeakersSessionAndATicketAsync(conference);
        fixture.Site.Time.SetUtcNow(session.EndsAt.AddMinutes(15));
        const string first = "The eval harness walkthrough was the most useful part.";
        const string changed = "On reflection: the eval harness walkthrough was the best talk of the morning.";

        // The talk page links the feedback once the session is over (without a ticket, that page answers 401 and says
        // who may use it: FeedbackTests); the ticket email's link opens the form.
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/talks/{session.Slug}");
        Assert.Equal($"/talks/{session.Slug}/feedback", await page.GetByRole(AriaRole.Link, new() { Name = "Rate this session" }).GetAttributeAsync("href"));
        await page.GotoAsync($"/talks/{session.Slug}/feedback?ticket={ticket}");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your feedback" }).WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "feedback-form");
        await page.Locator("label[for='rating-4']").ClickAsync(); // the radio is drawn by its label (btn-check)
        await page.GetByLabel("Comment (optional)").FillAsync(first);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await page.GetByText("Thank you! Your feedback is in.").WaitForAsync();
        Assert.True(await page.GetByLabel("4 · Very good").IsCheckedAsync());

        // Changing it: the same form, filled in, and one feedback still.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Change your feedback" }).WaitForAsync();
        await page.Locator("label[for='rating-5']").ClickAsync();
        await page.GetByLabel("Comment (optional)").FillAsync(changed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the change" }).ClickAsync();
        await page.GetByText("Your feedback is changed.").WaitForAsync();
        Assert.Equal(changed, await page.GetByLabel("Comment (optional)").InputValueAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "feedback-changed");
        Assert.Equal(1, await fixture.Site.WithDbAsync(db => db.SessionFeedback.CountAsync(f => f.ProposalId == session.ProposalId)));

        // The speaker reads it on the submission's page, without who wrote it.
        var speaker = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(speaker, Speaker);
        await speaker.GotoAsync($"/my/submissions/{session.ProposalId}");
        var section = speaker.Locator("section[aria-labelledby='feedback-title']");
        await section.GetByText(changed).WaitForAsync();
        Assert.Equal(0, await section.GetByText(first).CountAsync());
        Assert.Contains("One rating", await section.InnerTextAsync());
        await BrowserFixture.AssertAccessibleAsync(speaker);
        await BrowserFixture.ScreenshotAsync(speaker, "feedback-speaker");

        // The organizer sees every session's and downloads the CSV.
        var organizer = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(organizer, "organizer@example.com");
        await organizer.GotoAsync("/admin");
        await organizer.GetByRole(AriaRole.Link, new() { Name = "Feedback", Exact = true }).ClickAsync();
        await organizer.WaitForURLAsync("**/admin/feedback");
        await organizer.GetByRole(AriaRole.Heading, new() { Name = "Session feedback", Level = 1 }).WaitForAsync();
        await organizer.Locator($"#session-{session.ProposalId}").GetByText(changed).WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await BrowserFixture.ScreenshotAsync(organizer, "feedback-admin");
        var download = await organizer.RunAndWaitForDownloadAsync(() =>
            organizer.GetByRole(AriaRole.Link, new() { Name = "Download feedback (CSV)" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("Session,Speakers,Rating,Comment", csv.TrimStart('\uFEFF'));
        Assert.Contains($",5,{changed},", csv);
        Assert.DoesNotContain(ticket, csv);
    }

    private const string Speaker = "priya@example.com";

    /// <summary>The speaker's first session on the published program, and a valid ticket of someone else's.</summary>
    private async Task<(Core.Schedule.PublishedSession Session, string Ticket)> SpeakersSessionAndATicketAsync(Core.Conference.ConferenceEvent conference)
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>();
        var speaker = await db.Users.Where(u => u.Email == Speaker).Select(u => u.Id).SingleAsync();
        var program = await scope.ServiceProvider.GetRequiredService<ProgramStore>().GetAsync(conference, default);
        var session = program!.Sessions.Where(s => s.ProposalId is not null && s.SpeakerUserIds.Contains(speaker)).OrderBy(s => s.EndsAt).First();
        var ticket = await db.Tickets.Where(t => t.CancelledAt == null && t.Order.Status == OrderStatus.Paid && t.Order.UserId != speaker)
            .OrderBy(t => t.Id).Select(t => t.Code).FirstAsync();
        return (session, ticket);
    }
}

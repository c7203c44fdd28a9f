using System.Diagnostics;
using AiEngineer.BrowserTests.Infrastructure;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Pages.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Site;

/// <summary>
/// Live Q&amp;A across two app instances on one database: a remote attendee asks through their ticket link on one, another
/// upvotes on the same one, and the organizer moderating on the other instance sees both within two seconds.
/// </summary>
public class QaJourneyTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(2);

    /// <summary>Waits for the locator, failing if it takes longer than <see cref="Live"/> from <paramref name="since"/>.</summary>
    private static async Task ArrivesLiveAsync(ILocator locator, Stopwatch since, string what)
    {
        await locator.WaitForAsync(new() { Timeout = 10_000 });
        Assert.True(since.Elapsed <= Live, $"{what} took {since.ElapsedMilliseconds} ms to arrive, more than {Live.TotalSeconds} s");
    }

    [Fact]
    public async Task A_remote_attendee_asks_another_upvotes_and_the_moderator_on_another_instance_sees_it_within_two_seconds()
    {
        var conference = await fixture.ConferenceAsync();
        using var scope = fixture.Site.Services.CreateScope();
        var program = await scope.ServiceProvider.GetRequiredService<ProgramStore>().GetAsync(conference, CancellationToken.None);
        var session = program!.Sessions.First(s => s.ProposalId is not null && s.Slug is not null && s.SpeakerUserIds.Count > 0);
        var codes = await fixture.Site.WithDbAsync(db => db.Tickets.Where(t => t.CancelledAt == null && t.Order.Status == OrderStatus.Paid && t.TicketType.Kind == TicketKind.Remote)
            .OrderBy(t => t.Id).Select(t => t.Code).Take(2).ToListAsync());
        Assert.Equal(2, codes.Count); // the demo sells remote tickets

        // The moderator works on the second instance; on SQLite (one process, no shared live bus) on the same one.
        var moderatorSite = fixture.SharesLiveMessages ? await fixture.SecondInstanceAsync() : fixture.BaseAddress;
        var moderator = await fixture.NewPageAsync(baseAddress: moderatorSite);
        await BrowserFixture.SignInAsync(moderator, "organizer@example.com");
        await moderator.GotoAsync($"/talks/{session.Slug}/qa");
        await moderator.GetByText("You are moderating").WaitForAsync();
        await moderator.GetByText("No questions yet").WaitForAsync();

        // A remote attendee opens the Q&A from the link in their ticket email and asks.
        var asker = await fixture.NewPageAsync();
        await asker.GotoAsync($"/talks/{session.Slug}/qa?ticket={codes[0]}");
        await BrowserFixture.AssertAccessibleAsync(asker);
        const string question = "How do you keep evals honest when the model under test also grades itself?";
        await asker.GetByLabel("Your question").FillAsync(question);
        await asker.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await asker.GetByText("Your question is in.").WaitForAsync();
        var asked = Stopwatch.StartNew();
        var onModerator = moderator.Locator(".qa-item", new() { HasText = question });
        await ArrivesLiveAsync(onModerator, asked, "The question");
        Assert.Equal("0", await onModerator.Locator(".qa-count").InnerTextAsync());

        // Another remote attendee upvotes it; their own page, open before, shows the question without a reload too.
        var voter = await fixture.NewPageAsync(width: 390, height: 844);
        await voter.GotoAsync($"/talks/{session.Slug}/qa?ticket={codes[1]}");
        var onVoter = voter.Locator(".qa-item", new() { HasText = question });
        await onVoter.WaitForAsync();
        await onVoter.GetByRole(AriaRole.Button, new() { Name = "Upvote this question" }).ClickAsync();
        await onVoter.GetByText("You upvoted this").WaitForAsync();
        var voted = Stopwatch.StartNew();
        await ArrivesLiveAsync(moderator.Locator(".qa-item", new() { HasText = question }).Locator(".qa-count", new() { HasText = "1" }), voted, "The vote");
        // One vote each: the asker cannot upvote their own question, the voter cannot vote twice.
        Assert.Equal(0, await asker.Locator(".qa-item", new() { HasText = question }).GetByRole(AriaRole.Button, new() { Name = "Upvote this question" }).CountAsync());
        Assert.Equal(0, await onVoter.GetByRole(AriaRole.Button, new() { Name = "Upvote this question" }).CountAsync());

        await BrowserFixture.AssertAccessibleAsync(moderator);
        await BrowserFixture.ScreenshotAsync(moderator, "qa-moderator");

        // The moderator marks it answered; the asker's page shows it without a reload.
        await moderator.Locator(".qa-item", new() { HasText = question }).GetByRole(AriaRole.Button, new() { Name = "Mark answered" }).ClickAsync();
        await moderator.Locator(".qa-item.is-answered", new() { HasText = question }).WaitForAsync();
        var answered = Stopwatch.StartNew();
        await ArrivesLiveAsync(asker.Locator(".qa-item.is-answered", new() { HasText = question }), answered, "The answered mark");
        await BrowserFixture.ScreenshotAsync(voter, "qa-phone");

        // The presenter view for the room's screen lists it, on its own instance.
        await moderator.GotoAsync($"/talks/{session.Slug}/qa?view=present");
        await moderator.GetByRole(AriaRole.Heading, new() { Name = "Top questions" }).WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(moderator);
    }
}

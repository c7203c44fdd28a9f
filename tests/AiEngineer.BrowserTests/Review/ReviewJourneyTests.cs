using System.Text.RegularExpressions;
using AiEngineer.BrowserTests.Infrastructure;
using AiEngineer.Web.Infrastructure.Database;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Review;

public class ReviewJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Title = "Evals that catch regressions before your users do";

    private async Task<IPage> SignInAsync(string email, string returnUrl)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**" + returnUrl);
        return page;
    }

    [Fact]
    public async Task A_reviewer_scores_an_organizer_accepts_and_sends_and_the_speaker_confirms()
    {
        var reviewer = await SignInAsync("reviewer@example.com", "/review");
        await BrowserFixture.AssertAccessibleAsync(reviewer);
        await reviewer.GetByRole(AriaRole.Link, new() { Name = Title }).First.ClickAsync();
        foreach (var criterion in new[] { "Relevance to AI engineers", "Originality", "Clarity" })
            await reviewer.GetByRole(AriaRole.Group, new() { Name = criterion }).GetByLabel("4", new() { Exact = true }).CheckAsync();
        await reviewer.GetByLabel("Private comment").FillAsync("Strong, practical talk.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
        await reviewer.GetByText("Your review is saved").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(reviewer);
        await BrowserFixture.ScreenshotAsync(reviewer, "review-score");

        await reviewer.GotoAsync("/review/profile");
        await BrowserFixture.AssertAccessibleAsync(reviewer);

        var organizer = await SignInAsync("organizer@example.com", "/admin/review");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await organizer.GetByText(new Regex(@"\d+ assignments? added")).WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await organizer.GotoAsync("/admin/review/proposals");
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await organizer.GetByLabel("Select " + Title).CheckAsync();
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Accept selected" }).ClickAsync();
        await organizer.GetByText("notifications drafted, nothing sent yet").WaitForAsync();
        await organizer.GotoAsync("/admin/review/notifications");
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await organizer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Send all") }).ClickAsync();
        await organizer.GetByText(new Regex(@"\d+ notifications? sent")).WaitForAsync();
        await fixture.Smtp.WaitForAsync("speaker@example.com", m => m.Subject!.Contains("accepted"));

        var speaker = await SignInAsync("speaker@example.com", "/my/submissions");
        await speaker.GetByRole(AriaRole.Link, new() { Name = Title }).First.ClickAsync();
        Assert.DoesNotContain("Strong, practical talk.", await speaker.ContentAsync());
        await BrowserFixture.AssertAccessibleAsync(speaker);
        await speaker.GetByRole(AriaRole.Button, new() { Name = "Confirm I will speak" }).ClickAsync();
        await speaker.GetByText("Thank you for confirming").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(speaker);
    }
}

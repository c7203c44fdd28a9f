using System.Text.RegularExpressions;
using AiEngineer.BrowserTests.Infrastructure;
using AiEngineer.Web.Infrastructure.Database;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Review;

public class ReviewJourneyTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
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
    public async Task A_reviewer_scores_an_organizer_accepts_the_speaker_confirms_and_the_published_talk_is_on_the_schedule()
    {
        var reviewer = await SignInAsync("reviewer@example.com", "/review");
        await BrowserFixture.AssertAccessibleAsync(reviewer);
        await reviewer.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).First.ClickAsync();
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
        await speaker.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).First.ClickAsync();
        Assert.DoesNotContain("Strong, practical talk.", await speaker.ContentAsync());
        await BrowserFixture.AssertAccessibleAsync(speaker);
        await speaker.GetByRole(AriaRole.Button, new() { Name = "Confirm I will speak" }).ClickAsync();
        await speaker.GetByText("Thank you for confirming").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(speaker);

        // The organizer places the confirmed talk on day two and publishes a new version.
        var conference = await fixture.ConferenceAsync();
        var day2 = conference.StartDate.AddDays(1);
        var day2Query = day2.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await organizer.GotoAsync("/admin/schedule?day=" + day2Query);
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await organizer.GetByLabel("Confirmed session").SelectOptionAsync(new SelectOptionValue { Label = await OptionLabelAsync(organizer, "Confirmed session", Title) });
        await organizer.GetByLabel("Time slot").First.SelectOptionAsync(new SelectOptionValue { Label = day2.ToString("ddd MMM d", System.Globalization.CultureInfo.InvariantCulture) + ", 9:30 AM–10:00 AM (30 min)" });
        await organizer.GetByLabel("Room").First.SelectOptionAsync(new SelectOptionValue { Label = "Room C" });
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Place session" }).ClickAsync();
        await organizer.GetByText("The public schedule changes when you publish").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(organizer, "admin-schedule");
        await organizer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Publish version") }).ClickAsync();
        await organizer.GetByText(new Regex(@"Published version \d+")).WaitForAsync();
        await fixture.Smtp.WaitForAsync("speaker@example.com", m => m.Subject!.Contains("on the schedule"));

        // Anyone sees it on /schedule, with its page, its speaker and an accessible layout, wide and on a phone.
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/schedule?day=" + day2Query);
        await visitor.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).First.WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(visitor);
        await BrowserFixture.ScreenshotAsync(visitor, "schedule-wide");
        await visitor.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).First.ClickAsync();
        Assert.Contains("Room C", await visitor.ContentAsync());
        await BrowserFixture.AssertAccessibleAsync(visitor);
        await BrowserFixture.ScreenshotAsync(visitor, "talk");
        await visitor.GotoAsync("/schedule");
        await BrowserFixture.ScreenshotAsync(visitor, "schedule-day1-wide");
        await visitor.GotoAsync("/speakers");
        await BrowserFixture.AssertAccessibleAsync(visitor);
        await visitor.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Sam Speaker") }).ClickAsync();
        await visitor.GetByText(Title).First.WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(visitor);

        var phone = await fixture.NewPageAsync(390, 844);
        await phone.GotoAsync("/schedule");
        Assert.True(await phone.Locator(".schedule-list").IsVisibleAsync());
        Assert.False(await phone.Locator(".schedule-wide").IsVisibleAsync());
        await BrowserFixture.AssertAccessibleAsync(phone);
        await BrowserFixture.ScreenshotAsync(phone, "schedule-phone");
    }

    private static async Task<string> OptionLabelAsync(IPage page, string select, string startsWith)
    {
        var labels = await page.GetByLabel(select).Locator("option").AllTextContentsAsync();
        return labels.First(l => l.StartsWith(startsWith, StringComparison.Ordinal));
    }
}

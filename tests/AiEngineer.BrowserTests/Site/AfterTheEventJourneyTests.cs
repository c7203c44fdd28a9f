using AiEngineer.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Site;

/// <summary>The demo site the morning after its last day, as a visitor sees it: an archive, not a shop.</summary>
public class AfterTheEventJourneyTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task After_the_summit_the_home_page_tickets_and_cfp_say_it_is_over_and_lead_to_the_program()
    {
        var conference = await fixture.ConferenceAsync();
        fixture.Site.Time.SetUtcNow(conference.EndsAt.AddHours(9)); // 9 AM the day after, in the event's zone or near it
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByText("The summit is over.").WaitForAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Buy tickets" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Get tickets" }).CountAsync()); // nor in the header
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "home-after-the-event");

        await page.GotoAsync("/tickets");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Ticket sales have closed" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("select").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "tickets-after-the-event");

        await page.GotoAsync("/cfp");
        await page.GetByRole(AriaRole.Heading, new() { Name = "The call for papers is closed" }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Browse the program" }).ClickAsync();
        await page.WaitForURLAsync("**/schedule");
        await page.Locator("a[href^='/talks/']").First.WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}

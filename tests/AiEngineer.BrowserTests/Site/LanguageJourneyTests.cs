using AiEngineer.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Site;

/// <summary>A visitor switches the site to Simplified Chinese from the header, and the pages that are translated read in Chinese.</summary>
public class LanguageJourneyTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_header_switches_to_simplified_chinese_and_back_and_the_choice_stays()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "中文（简体）" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "购买门票" }).WaitForAsync();
        Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "home-zh");

        // The choice is a cookie: the next page is Chinese too, its header included.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "购票" }).ClickAsync();
        await page.WaitForURLAsync("**/tickets");
        await page.GetByLabel("数量，In-person Early Bird").WaitForAsync();
        Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "tickets-zh");

        await page.GotoAsync("/schedule");
        await page.GetByRole(AriaRole.Heading, new() { Name = "议程", Exact = true }).WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "schedule-zh");

        await page.GotoAsync("/cfp");
        await page.GetByText("征稿进行中。").WaitForAsync();
        await page.GetByText("您的当地时间：").First.WaitForAsync(); // cfp.js, with the words the server translated
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "cfp-zh");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync("**/cfp");
        await page.GotoAsync("/tickets");
        await page.GetByLabel("Quantity, In-person Early Bird").WaitForAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
    }
}

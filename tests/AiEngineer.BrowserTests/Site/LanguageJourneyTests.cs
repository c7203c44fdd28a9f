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
        await page.GetByLabel("数量，现场早鸟票").WaitForAsync(); // the demo's own content in Chinese too
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

    /// <summary>
    /// Signed in, the person's Chinese follows them: "My summit", the reviewer's and the organizer's pages read in
    /// Chinese and pass axe, and the settings form shows the languages side by side.
    /// </summary>
    [Fact]
    public async Task Signed_in_pages_in_chinese_are_accessible()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/language?c=zh-Hans&returnUrl=%2F");
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("电子邮件").FillAsync("organizer@example.com");
        await page.GetByLabel("密码").FillAsync(Web.Infrastructure.Database.DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Login"));

        foreach (var (path, heading) in new[]
        {
            ("/my", "我的峰会"), ("/my/tickets", "我的门票"), ("/admin", "控制台"), ("/admin/settings", "设置"),
            ("/admin/schedule", "议程"), ("/review", "我的评审队列"),
        })
        {
            await page.GotoAsync(path);
            await page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 }).WaitForAsync();
            Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));
            await BrowserFixture.AssertAccessibleAsync(page);
        }
        await page.GotoAsync("/admin/settings");
        await page.GetByLabel("标语 · 中文（简体）").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-settings-zh");
    }
}

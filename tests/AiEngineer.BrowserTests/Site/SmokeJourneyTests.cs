using AiEngineer.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Site;

public class SmokeJourneyTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_home_page_renders_styled_and_the_navigation_works()
    {
        var page = await fixture.NewPageAsync();
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        Assert.Equal((await fixture.ConferenceAsync()).Name, (await page.Locator("h1").First.InnerTextAsync()).Trim());

        // Styled: the site stylesheet and Bootstrap loaded from the app itself.
        var navBackground = await page.Locator("nav.site-nav").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(20, 18, 58)", navBackground);
        var buttonRadius = await page.Locator("a.btn-accent").First.EvaluateAsync<string>("e => getComputedStyle(e).borderTopLeftRadius");
        Assert.NotEqual("0px", buttonRadius);
        Assert.Equal(6, await page.Locator(".track-card").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        var shot = await BrowserFixture.ScreenshotAsync(page, "home");
        Assert.True(new FileInfo(shot).Length > 10_000);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Call for papers" }).ClickAsync();
        await page.WaitForURLAsync("**/cfp");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Code of conduct" }).ClickAsync();
        await page.WaitForURLAsync("**/code-of-conduct");
        Assert.Contains("harassment-free", await page.Locator("main").InnerTextAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task On_a_phone_the_navigation_collapses_behind_a_menu_button()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("/");
        var toggler = page.Locator("button.navbar-toggler");
        Assert.True(await toggler.IsVisibleAsync());
        Assert.False(await page.Locator("#site-nav").GetByRole(AriaRole.Link, new() { Name = "Schedule" }).IsVisibleAsync());
        await toggler.ClickAsync();
        await page.Locator("#site-nav").GetByRole(AriaRole.Link, new() { Name = "Schedule" }).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "home-phone");
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}

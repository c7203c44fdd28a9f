using AiEngineer.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Site;

/// <summary>The demo home page looks like the summit: featured speakers with portraits and the sponsor wall, accessible.</summary>
public class DemoHomeJourneyTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_demo_home_page_shows_featured_speakers_and_the_sponsor_wall()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        var speakers = page.GetByRole(AriaRole.Region, new() { Name = "Featured speakers" }).Locator("a.featured-speaker");
        Assert.Equal(Web.Pages.IndexModel.FeaturedCount, await speakers.CountAsync());
        var first = speakers.First;
        await first.ScrollIntoViewIfNeededAsync();
        Assert.True(await first.IsVisibleAsync());
        Assert.True(await first.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        Assert.Contains("Keynote", await first.InnerTextAsync());

        var wall = page.Locator(".sponsor-wall");
        await wall.ScrollIntoViewIfNeededAsync();
        Assert.True(await wall.IsVisibleAsync());
        var logos = wall.Locator("img");
        Assert.Equal(Web.Infrastructure.Database.DemoSeeder.Sponsors.Length, await logos.CountAsync());
        Assert.True(await logos.EvaluateAllAsync<bool>("imgs => imgs.every(i => i.complete && i.naturalWidth > 0)"));
        // Higher tiers get larger logos.
        var platinum = await wall.Locator(".sponsor-logo-xl").First.BoundingBoxAsync();
        var community = await wall.Locator(".sponsor-logo-sm").First.BoundingBoxAsync();
        Assert.True(platinum!.Width > community!.Width * 1.5);

        await BrowserFixture.AssertAccessibleAsync(page);
        var shot = await BrowserFixture.ScreenshotAsync(page, "home-demo");
        Assert.True(new FileInfo(shot).Length > 50_000);

        // A featured speaker leads to their page.
        var name = (await first.Locator(".featured-name").InnerTextAsync()).Trim();
        await first.ClickAsync();
        // Wait for the speaker's heading, not for the page's every portrait to load (a busy CI machine is slow at that).
        await page.WaitForURLAsync("**/speakers/**", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("h1", new() { HasTextString = name }).WaitForAsync();
    }
}

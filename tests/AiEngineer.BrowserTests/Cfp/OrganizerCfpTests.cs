using AiEngineer.BrowserTests.Infrastructure;
using AiEngineer.Web.Infrastructure.Database;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Cfp;

public class OrganizerCfpTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_demo_organizer_adds_a_format_on_the_settings_page_and_it_appears_on_the_public_page()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login?returnUrl=%2Fadmin%2Fcfp");
        await page.GetByLabel("Email").FillAsync("organizer@example.com");
        await page.GetByLabel("Password").FillAsync(DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/cfp");
        await BrowserFixture.AssertAccessibleAsync(page);

        var add = page.GetByRole(AriaRole.Form, new() { Name = "Add a format" });
        await add.GetByLabel("New format").FillAsync("Panel");
        await add.GetByLabel("Minutes").FillAsync("45");
        await add.GetByLabel("Co-speakers").FillAsync("4");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await page.GetByText("Format \"Panel\" saved.").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "cfp-admin");

        await page.GotoAsync("/cfp");
        Assert.Contains("Panel", await page.GetByRole(AriaRole.Table).InnerTextAsync());
    }
}

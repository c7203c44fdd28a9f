using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Accounts;

public partial class RegistrationJourneyTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_visitor_registers_confirms_by_email_and_signs_in()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create account" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Your name").FillAsync("Bea Browser");
        await page.GetByLabel("Email").FillAsync("bea@example.com");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Bea-Passw0rd-2026");
        await page.GetByLabel("Confirm password").FillAsync("Bea-Passw0rd-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync("**/RegisterConfirmation**");

        var email = await fixture.Smtp.WaitForAsync("bea@example.com");
        var link = WebUtility.HtmlDecode(LinkRegex().Match(email.HtmlBody!).Groups[1].Value);
        Assert.Contains("/Identity/Account/ConfirmEmail", link);
        await page.GotoAsync(new Uri(link).PathAndQuery);
        Assert.Contains("Thank you for confirming your email", await page.Locator("main").InnerTextAsync());

        await page.GotoAsync("/Identity/Account/Login");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Email").FillAsync("bea@example.com");
        await page.GetByLabel("Password").FillAsync("Bea-Passw0rd-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(fixture.BaseAddress.ToString());

        await page.GotoAsync("/my");
        Assert.Contains("bea@example.com", await page.Locator("main").InnerTextAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "my");
    }

    [GeneratedRegex("href=[\"']([^\"']*ConfirmEmail[^\"']*)[\"']")]
    private static partial Regex LinkRegex();
}

using AiEngineer.BrowserTests.Infrastructure;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Accounts;

/// <summary>The account settings in Chinese: an attendee turns on two-factor authentication with the QR page and signs in with the app's code.</summary>
public class AccountSettingsJourneyTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_attendee_turns_on_two_factor_in_chinese_and_signs_in_with_the_apps_code()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "attendee@example.com");
        await page.GetByRole(AriaRole.Link, new() { Name = "中文（简体）" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "attendee@example.com" }).ClickAsync(); // the account menu
        await page.GetByRole(AriaRole.Link, new() { Name = "账户设置" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "个人资料" }).WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        var settings = page.GetByRole(AriaRole.Navigation, new() { Name = "账户设置" });
        await settings.GetByRole(AriaRole.Link, new() { Name = "双重身份验证" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "添加身份验证器应用" }).ClickAsync();
        await page.GetByRole(AriaRole.Img, new() { Name = "用于身份验证器应用的二维码" }).WaitForAsync();
        Assert.True(await page.Locator(".authenticator-qr svg").IsVisibleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "authenticator-zh");

        var key = (await page.Locator("kbd").InnerTextAsync()).Replace(" ", "");
        await page.GetByLabel("验证码").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证" }).ClickAsync();
        await page.GetByText("您的身份验证器应用已验证成功。").WaitForAsync();
        Assert.Equal(10, await page.Locator("code.recovery-code").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "我已保存" }).ClickAsync();
        await page.GetByText("已开启").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        // Signed out and in again, the password is followed by the app's code.
        await page.GetByRole(AriaRole.Button, new() { Name = "attendee@example.com" }).ClickAsync(); // the account menu
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("电子邮件").FillAsync("attendee@example.com");
        await page.GetByLabel("密码").FillAsync(Web.Infrastructure.Database.DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/LoginWith2fa**");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("验证码").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(fixture.BaseAddress.ToString());
        await page.GotoAsync("/my");
        Assert.Contains("attendee@example.com", await page.Locator("main").InnerTextAsync());
    }
}

using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using SkiaSharp;

namespace AiEngineer.BrowserTests.Cfp;

public partial class SpeakerJourneyTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_visitor_signs_up_fills_the_profile_submits_a_proposal_and_sees_it_in_my_submissions()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/cfp");
        Assert.Contains("The call is open.", await page.Locator("main").InnerTextAsync());
        Assert.Contains("your time:", await page.Locator("main").InnerTextAsync()); // cfp.js adds the visitor's zone
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "cfp");

        // Submitting needs an account: the login page offers to create one and comes back.
        await page.GetByRole(AriaRole.Link, new() { Name = "Submit a proposal" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Your name").FillAsync("Cleo Cfp");
        await page.GetByLabel("Email").FillAsync("cleo@example.com");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Cleo-Passw0rd-2026");
        await page.GetByLabel("Confirm password").FillAsync("Cleo-Passw0rd-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync("**/RegisterConfirmation**");
        await BrowserFixture.AssertAccessibleAsync(page);

        var email = await fixture.Smtp.WaitForAsync("cleo@example.com");
        await page.GotoAsync(new Uri(WebUtility.HtmlDecode(ConfirmLinkRegex().Match(email.HtmlBody!).Groups[1].Value)).PathAndQuery);
        Assert.Contains("Thank you for confirming your email", await page.Locator("main").InnerTextAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync("/Identity/Account/Login?returnUrl=%2Fmy%2Fprofile");
        await page.GetByLabel("Email").FillAsync("cleo@example.com");
        await page.GetByLabel("Password").FillAsync("Cleo-Passw0rd-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/my/profile");

        await page.GetByLabel("Headline").FillAsync("ML engineer");
        await page.GetByLabel("Company").FillAsync("Acme AI");
        await page.GetByLabel("Bio").FillAsync("I build **retrieval** systems.");
        await page.GetByLabel("Upload a photo").SetInputFilesAsync(new FilePayload { Name = "me.png", MimeType = "image/png", Buffer = Png() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await page.GetByText("Your speaker profile is saved.").WaitForAsync();
        await Assertions.Expect(page.GetByAltText("Your current photo")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "cfp-profile");

        await page.GotoAsync("/my/submissions/edit");
        await page.GetByLabel("Title").FillAsync("Retrieval that survives production");
        await page.GetByLabel("Track").SelectOptionAsync(new SelectOptionValue { Label = "LLM Tooling" });
        await page.GetByLabel("Public abstract").FillAsync("What broke when our **RAG** system met real users, and the fixes.");
        await page.GetByLabel("Description for reviewers").FillAsync("1. Chunking 2. Evals 3. Caching");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "cfp-proposal-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit proposal" }).ClickAsync();
        await page.GetByText("Your proposal is submitted.").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "cfp-proposal");

        await page.GetByRole(AriaRole.Link, new() { Name = "My submissions" }).First.ClickAsync();
        var list = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Retrieval that survives production", list);
        Assert.Contains("Submitted", list);
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "cfp-my-submissions");

        await fixture.Smtp.WaitForAsync("cleo@example.com", m => m.Subject!.StartsWith("We received"));
    }

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(320, 320);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(46, 197, 211));
            using var paint = new SKPaint { Color = new SKColor(124, 92, 255) };
            canvas.DrawCircle(160, 130, 70, paint);
            canvas.DrawCircle(160, 330, 130, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    [GeneratedRegex("href=[\"']([^\"']*ConfirmEmail[^\"']*)[\"']")]
    private static partial Regex ConfirmLinkRegex();
}

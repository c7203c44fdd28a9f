using AiEngineer.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Sponsors;

/// <summary>Apply → approve → pay by invoice → the logo on /sponsors, in Chromium, with accessibility checks.</summary>
public class SponsorJourneyTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
{
    private const string Logo = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\"><rect width=\"120\" height=\"40\" rx=\"8\" fill=\"#14123a\"/><text x=\"60\" y=\"26\" font-size=\"16\" text-anchor=\"middle\" fill=\"#ffb454\">VectorDB</text></svg>";


    /// <summary>Fills /sponsors/apply (already open) for a tier and submits it; waits for the portal.</summary>
    private static async Task FillApplicationAsync(IPage contact, string tier, string company, string website, string description, string logo)
    {
        await contact.GetByLabel(tier).CheckAsync();
        await contact.GetByLabel("Company name").FillAsync(company);
        await contact.GetByLabel("Website").FillAsync(website);
        await contact.GetByLabel("Short description (Markdown)").FillAsync(description);
        await contact.GetByLabel("Logo (SVG or PNG, at most 2 MB)").SetInputFilesAsync(new FilePayload { Name = "logo.svg", MimeType = "image/svg+xml", Buffer = System.Text.Encoding.UTF8.GetBytes(logo) });
        await contact.GetByLabel("Phone").FillAsync("+1 415 555 0199");
        await contact.GetByLabel("Billing address").FillAsync("2 Howard St, San Francisco");
        await contact.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();
        await contact.WaitForURLAsync("**/my/sponsor");
    }

    [Fact]
    public async Task A_company_applies_is_approved_pays_by_invoice_and_its_logo_appears_on_the_wall()
    {
        var contact = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(contact, "attendee@example.com");
        await contact.GotoAsync("/sponsors");
        await BrowserFixture.AssertAccessibleAsync(contact);
        await contact.GetByRole(AriaRole.Link, new() { Name = "Apply to sponsor" }).ClickAsync();
        await contact.WaitForURLAsync("**/sponsors/apply");
        await BrowserFixture.AssertAccessibleAsync(contact);

        await FillApplicationAsync(contact, "Gold", "VectorDB Inc", "https://vectordb.example.com", "The **fastest** vector database for retrieval.", Logo);
        Assert.Contains("Under review", await contact.Locator("main").InnerTextAsync());
        await BrowserFixture.AssertAccessibleAsync(contact);

        var organizer = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(organizer, "organizer@example.com");
        await organizer.GotoAsync("/admin/sponsors");
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await organizer.GetByRole(AriaRole.Link, new() { Name = "VectorDB Inc" }).ClickAsync();
        await organizer.GetByLabel("Message to the contact").FillAsync("Welcome! Booth B3 is yours.");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await organizer.GetByText("Approved; the contact was emailed.").WaitForAsync();
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Mark invoice paid" }).ClickAsync();
        await organizer.GetByText("the sponsor is live").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await organizer.GotoAsync("/admin/sponsors");
        await organizer.GetByRole(AriaRole.Link, new() { Name = "Edit Gold" }).ClickAsync();
        await organizer.GetByLabel("Slots").WaitForAsync();
        Assert.Equal("5", await organizer.GetByLabel("Slots").InputValueAsync()); // the seeded Gold tier: the demo's live Gold sponsors, and now this one
        var held = Web.Infrastructure.Database.DemoSeeder.Sponsors.Count(s => s.Tier == "Gold") + 1;
        await organizer.GetByText($"{held} held by applied, approved or live sponsorships.").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(organizer);

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/sponsors");
        var logo = visitor.GetByRole(AriaRole.Img, new() { Name = "VectorDB Inc" });
        await logo.WaitForAsync();
        Assert.True(await logo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        Assert.Equal("sponsored noopener", await visitor.Locator("a[rel='sponsored noopener']").First.GetAttributeAsync("rel"));
        await BrowserFixture.AssertAccessibleAsync(visitor);
        await BrowserFixture.ScreenshotAsync(visitor, "sponsors-wall");
        await fixture.Smtp.WaitForAsync("attendee@example.com", m => m.Subject!.Contains("is live"));
    }

    [Fact]
    public async Task An_approved_sponsor_pays_by_card_on_stripe_checkout_and_goes_live()
    {
        var contact = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(contact, "priya@example.com");
        await contact.GotoAsync("/sponsors/apply");
        await FillApplicationAsync(contact, "Silver", "Evalset Labs", "https://evalset.example.com", "Eval datasets for **LLM** teams.", Logo.Replace("VectorDB", "Evalset"));

        var organizer = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(organizer, "organizer@example.com");
        await organizer.GotoAsync("/admin/sponsors");
        await organizer.GetByRole(AriaRole.Link, new() { Name = "Evalset Labs" }).ClickAsync();
        await organizer.GetByLabel("Message to the contact").FillAsync("Approved: pay by card whenever you like.");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await organizer.GetByText("Approved; the contact was emailed.").WaitForAsync();

        await contact.ReloadAsync();
        await contact.GetByRole(AriaRole.Button, new() { Name = "Pay $10,000 by card" }).ClickAsync();
        await contact.WaitForURLAsync(fixture.Stripe.CheckoutOrigin + "/pay/**");
        Assert.Equal("Pay 10000.00 USD", (await contact.Locator("h1").InnerTextAsync()).Trim());
        await contact.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();
        await contact.WaitForURLAsync(fixture.BaseAddress.GetLeftPart(UriPartial.Authority) + "/my/sponsor**");
        Assert.Contains(fixture.Stripe.Payments, p => p.Webhook == System.Net.HttpStatusCode.OK);
        await contact.GetByText("by card through Stripe").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(contact);
        await BrowserFixture.ScreenshotAsync(contact, "sponsor-paid-by-card");
        await fixture.Smtp.WaitForAsync("priya@example.com", m => m.Subject!.Contains("is live"));
    }
}

using System.Text.RegularExpressions;
using AiEngineer.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Tickets;

/// <summary>Buying and using tickets in Chromium, on the demo site, with accessibility checks on each page.</summary>
public partial class TicketJourneyTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
{
    private static async Task FillAttendeeAsync(IPage page, int index, string name, string email)
    {
        await page.Locator($"#a{index}-name").FillAsync(name);
        await page.Locator($"#a{index}-email").FillAsync(email);
    }

    [Fact]
    public async Task A_visitor_gets_a_free_remote_ticket_and_opens_live()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/tickets");
        await BrowserFixture.AssertAccessibleAsync(page);
        // Each quantity is named for its ticket, so a screen reader (and this test) can tell the five apart.
        var names = await page.Locator("select[name^='qty']").EvaluateAllAsync<string[]>("els => els.map(e => e.labels[0].textContent.trim())");
        Assert.Equal(names.Length, names.Distinct().Count());
        await page.GetByLabel("Quantity, Remote", new() { Exact = true }).SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/tickets/checkout**");
        await BrowserFixture.AssertAccessibleAsync(page);

        await FillAttendeeAsync(page, 0, "Remy Remote", "remy@example.com");
        await page.GetByLabel("Name", new() { Exact = true }).Last.FillAsync("Remy Remote");
        await page.GetByLabel("Email (for the confirmation)").FillAsync("remy@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Get my tickets" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/orders/[A-Z0-9]+\\?token="));
        Assert.Contains("You're going!", await page.Locator("h1").InnerTextAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "order-free-remote");

        await fixture.Smtp.WaitForAsync("remy@example.com");
        await page.GetByRole(AriaRole.Link, new() { Name = "Watch live" }).ClickAsync();
        await page.WaitForURLAsync("**/live?ticket=**");
        Assert.Contains("Welcome, Remy Remote", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Watch Main Stage" }).IsVisibleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task An_in_person_ticket_bought_by_invoice_is_marked_paid_by_an_organizer_and_checked_in()
    {
        var buyer = await fixture.NewPageAsync();
        await buyer.GotoAsync("/tickets");
        await buyer.Locator(".ticket-row").Filter(new() { HasText = "In-person Regular" }).Locator("select").SelectOptionAsync("1");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await buyer.WaitForURLAsync("**/tickets/checkout**");
        await FillAttendeeAsync(buyer, 0, "Ines Invoice", "ines@example.com");
        await buyer.Locator("#a0-shirt").SelectOptionAsync("M");
        await buyer.GetByLabel("Name", new() { Exact = true }).Last.FillAsync("Ines Invoice");
        await buyer.GetByLabel("Email (for the confirmation)").FillAsync("ines@example.com");
        await buyer.GetByLabel("Invoice address (optional)").FillAsync("Ines Co.\n1 Market St\nSan Francisco");
        await buyer.GetByLabel("Invoice / bank transfer").CheckAsync();
        await BrowserFixture.ScreenshotAsync(buyer, "checkout");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await buyer.WaitForURLAsync(new Regex("/orders/[A-Z0-9]+\\?token="));
        Assert.Contains("Awaiting payment", await buyer.Locator("h1").InnerTextAsync());
        await BrowserFixture.AssertAccessibleAsync(buyer);
        var orderCode = Regex.Match(buyer.Url, "/orders/([A-Z0-9]+)").Groups[1].Value;

        // The organizer finds the order and marks the invoice paid.
        var organizer = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(organizer, "organizer@example.com");
        await organizer.GotoAsync("/admin/orders");
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await organizer.GetByLabel("Name, email or code").FillAsync("ines@");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await organizer.GetByRole(AriaRole.Link, new() { Name = orderCode }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Mark invoice paid" }).ClickAsync();
        await organizer.GetByText("the tickets were emailed").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(organizer, "admin-order");

        await buyer.ReloadAsync();
        Assert.Contains("You're going!", await buyer.Locator("h1").InnerTextAsync());
        var ticketCode = (await buyer.Locator(".ticket-card .font-monospace").First.InnerTextAsync()).Trim();
        var email = await fixture.Smtp.WaitForAsync("ines@example.com", m => m.Subject!.StartsWith("Your tickets"));
        Assert.Contains(ticketCode, email.HtmlBody);

        // At the door.
        await organizer.GotoAsync("/checkin");
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await organizer.GetByLabel("Ticket code").FillAsync(ticketCode);
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await organizer.Locator(".checkin-result.ok").WaitForAsync();
        Assert.Contains("Ines Invoice", await organizer.Locator(".checkin-result").InnerTextAsync());
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await organizer.GetByLabel("Ticket code").FillAsync(ticketCode);
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await organizer.Locator(".checkin-result.again").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(organizer, "checkin");
    }

    [Fact]
    public async Task A_buyer_pays_by_card_on_stripe_checkout_and_comes_back_to_a_paid_order()
    {
        var buyer = await fixture.NewPageAsync();
        await buyer.GotoAsync("/tickets");
        await buyer.GetByLabel("Quantity, In-person Early Bird").SelectOptionAsync("1");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await buyer.WaitForURLAsync("**/tickets/checkout**");
        await FillAttendeeAsync(buyer, 0, "Cara Card", "cara@example.com");
        await buyer.GetByLabel("Name", new() { Exact = true }).Last.FillAsync("Cara Card");
        await buyer.GetByLabel("Email (for the confirmation)").FillAsync("cara@example.com");
        await buyer.GetByLabel("Card (secure payment page by Stripe)").CheckAsync();
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();

        // The form's redirects end on the Checkout origin (another port): the CSP lets the browser follow them.
        await buyer.WaitForURLAsync(fixture.Stripe.CheckoutOrigin + "/pay/**", new() { Timeout = 20_000 }); // blocked, it would never get there
        Assert.Equal("Pay 799.00 USD", (await buyer.Locator("h1").InnerTextAsync()).Trim());
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();

        // Stripe sends the signed webhook, then the buyer back to the order.
        await buyer.WaitForURLAsync(new Regex("^" + Regex.Escape(fixture.BaseAddress.GetLeftPart(UriPartial.Authority)) + "/orders/[A-Z0-9]+\\?token=.*paid=true"));
        Assert.Contains(fixture.Stripe.Payments, p => p.Webhook == System.Net.HttpStatusCode.OK);
        Assert.Contains("You're going!", await buyer.Locator("h1").InnerTextAsync());
        var ticketCode = (await buyer.Locator(".ticket-card .font-monospace").First.InnerTextAsync()).Trim();
        var email = await fixture.Smtp.WaitForAsync("cara@example.com", m => m.Subject!.StartsWith("Your tickets"));
        Assert.Contains(ticketCode, email.HtmlBody);
        await BrowserFixture.AssertAccessibleAsync(buyer);
        await BrowserFixture.ScreenshotAsync(buyer, "order-paid-by-card");
    }
}

using System.Net;
using System.Text;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiEngineer.Web.Tests.Tickets;

public class OrganizerTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private HttpClient? _organizer;

    private async Task<HttpClient> OrganizerAsync()
    {
        if (_organizer is not null) return _organizer;
        if (!await fixture.Site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "boss@tickets.example.com")))
            await fixture.Site.CreateUserAsync("boss@tickets.example.com", Roles.Organizer);
        return _organizer = await fixture.Site.SignedInClientAsync("boss@tickets.example.com");
    }

    private async Task<HttpResponseMessage> ActAsync(long orderId, string handler, Dictionary<string, string>? fields = null)
    {
        var client = await OrganizerAsync();
        return await client.PostFormAsync($"/admin/orders/{orderId}?handler={handler}", fields ?? new(), formPage: $"/admin/orders/{orderId}");
    }

    [Fact]
    public async Task An_organizer_marks_an_invoice_paid_and_the_buyer_gets_the_tickets()
    {
        var typeId = await fixture.AddTypeAsync("Invoice Paid Pass", 80000, 10);
        var order = await fixture.OrderAsync(TicketsFixture.CodeFrom(await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "pays.later@example.com")));
        Assert.Equal(OrderStatus.Pending, order.Status);

        var response = await ActAsync(order.Id, "MarkPaid");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var paid = await fixture.OrderAsync(order.Code);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Contains(paid.Events, e => e.Kind == "paid" && e.Actor == "boss@tickets.example.com");
        await fixture.Smtp.WaitForAsync("pays.later@example.com", m => m.Subject!.StartsWith("Your tickets"));

        // Marking it paid again is refused with a message and changes nothing.
        await ActAsync(order.Id, "MarkPaid");
        var page = WebUtility.HtmlDecode(await (await OrganizerAsync()).GetStringAsync($"/admin/orders/{order.Id}"));
        Assert.Contains("Only a pending invoice order can be marked paid", page);
        Assert.Single((await fixture.OrderAsync(order.Code)).Events, e => e.Kind == "paid");
    }

    [Fact]
    public async Task Cancelling_a_pending_order_frees_its_seats()
    {
        var typeId = await fixture.AddTypeAsync("Cancel Pass", 1000, 3);
        var order = await fixture.OrderAsync(TicketsFixture.CodeFrom(await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 3 }, "cancel.me@example.com")));
        Assert.Equal(3, (await fixture.TypeAsync("Cancel Pass")).Taken);
        await ActAsync(order.Id, "Cancel");
        Assert.Equal(OrderStatus.Cancelled, (await fixture.OrderAsync(order.Code)).Status);
        Assert.Equal(0, (await fixture.TypeAsync("Cancel Pass")).Taken);
    }

    [Fact]
    public async Task Card_refunds_go_through_stripe_and_the_webhook_for_the_same_total_adds_nothing()
    {
        var typeId = await fixture.AddTypeAsync("Card Refund Pass", 30000, 5);
        var client = fixture.Site.CreateBrowserlikeClient();
        var placed = await fixture.BuyAsync(client, new() { [typeId] = 1 }, "card.refund@example.com", method: "Card");
        var order = await fixture.OrderAsync(TicketsFixture.CodeFrom(placed));
        var pay = await client.GetAsync($"/orders/{order.Code}/pay?token={order.AccessToken}");
        var sessionId = pay.Headers.Location!.Segments.Last();
        await FakeStripe.PostWebhookAsync(fixture.Site.CreateClient(), FakeStripe.SignedEvent("checkout.session.completed", FakeStripe.Session(sessionId, order.Id, "paid", "pi_admin_refund")));

        await ActAsync(order.Id, "Refund", new() { ["RefundAmount"] = "100.00" });
        await ActAsync(order.Id, "Refund", new() { ["RefundAmount"] = "100.00" });
        var refunds = fixture.Stripe.RefundRequests.Where(r => r["payment_intent"] == "pi_admin_refund").ToList();
        Assert.Equal(2, refunds.Count);
        Assert.All(refunds, r => Assert.Equal("10000", r["amount"]));
        var partly = await fixture.OrderAsync(order.Code);
        Assert.Equal(20000, partly.RefundedMinor); // two separate $100 refunds, each recorded once

        // Stripe's own webhook for the same total adds nothing.
        await FakeStripe.PostWebhookAsync(fixture.Site.CreateClient(), FakeStripe.SignedEvent("charge.refunded", FakeStripe.Charge("pi_admin_refund", 30000, 20000)));
        Assert.Equal(20000, (await fixture.OrderAsync(order.Code)).RefundedMinor);

        // More than is left is refused.
        await ActAsync(order.Id, "Refund", new() { ["RefundAmount"] = "200.00" });
        Assert.Equal(20000, (await fixture.OrderAsync(order.Code)).RefundedMinor);
        Assert.Equal(2, fixture.Stripe.RefundRequests.Count(r => r["payment_intent"] == "pi_admin_refund"));
    }

    [Fact]
    public async Task Comp_tickets_are_issued_one_order_per_attendee_and_bad_lines_change_nothing()
    {
        var client = await OrganizerAsync();
        var speakerType = fixture.TypeIds["Speaker"];
        var bad = await client.PostFormAsync("/admin/orders/comp", new() { ["TicketTypeId"] = speakerType.ToString(), ["Attendees"] = "Ada Lovelace, ada@comp.example.com\nno email here" });
        Assert.Contains("Line 2", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.False(await fixture.Site.WithDbAsync(db => db.Orders.AnyAsync(o => o.BuyerEmail == "ada@comp.example.com")));

        var ok = await client.PostFormAsync("/admin/orders/comp", new() { ["TicketTypeId"] = speakerType.ToString(), ["Attendees"] = "Ada Lovelace, ada@comp.example.com\nGrace Hopper, grace@comp.example.com" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var orders = await fixture.Site.WithDbAsync(db => db.Orders.AsNoTracking().Where(o => o.BuyerEmail.EndsWith("@comp.example.com")).ToListAsync());
        Assert.Equal(2, orders.Count);
        Assert.All(orders, o => { Assert.Equal(OrderStatus.Paid, o.Status); Assert.Equal(PaymentMethod.Comp, o.PaymentMethod); Assert.Equal(0, o.TotalMinor); });
        await fixture.Smtp.WaitForAsync("grace@comp.example.com");
    }

    [Fact]
    public async Task The_attendee_export_lists_paid_attendees_and_neutralises_formulas()
    {
        var typeId = await fixture.AddTypeAsync("Export Pass", 0, 10);
        await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "export@example.com",
            tamper: f => { f["Input.Attendees[0].Name"] = "=HYPERLINK(\"http://evil\")"; f["Input.Attendees[0].Company"] = "@SUM(A1)"; });
        var response = await (await OrganizerAsync()).GetAsync("/admin/orders/export");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Order,Ticket,Type,Name,Email", csv);
        Assert.Contains("'=HYPERLINK", csv);
        Assert.Contains("'@SUM(A1)", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
    }

    [Fact]
    public async Task A_price_changed_in_the_back_office_shows_on_the_checkout_form_at_once_and_is_what_the_order_charges()
    {
        var typeId = await fixture.AddTypeAsync("Reprice Pass", 10_000, 10);
        var buyer = fixture.Site.CreateBrowserlikeClient();
        Assert.Contains("$100", WebUtility.HtmlDecode(await buyer.GetStringAsync($"/tickets/checkout?qty[{typeId}]=1")));

        var edited = await (await OrganizerAsync()).PostFormAsync($"/admin/tickets/edit?id={typeId}", new()
        {
            ["Input.Name"] = "Reprice Pass", ["Input.Kind"] = "0", ["Input.Price"] = "120", ["Input.Capacity"] = "10",
            ["Input.MinPerOrder"] = "1", ["Input.MaxPerOrder"] = "10", ["Input.SortOrder"] = "0",
        }, formPage: $"/admin/tickets/edit?id={typeId}");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        // The checkout's shared copy of the types was reloaded by the save: no stale price, not even for a moment.
        var form = WebUtility.HtmlDecode(await buyer.GetStringAsync($"/tickets/checkout?qty[{typeId}]=1"));
        Assert.Contains("$120", form);
        Assert.DoesNotContain("$100", form);
        var order = await fixture.OrderAsync(TicketsFixture.CodeFrom(await fixture.BuyAsync(buyer, new() { [typeId] = 1 }, "repriced@example.com")));
        Assert.Equal(12_000, order.TotalMinor);
    }

    [Fact]
    public async Task A_seat_given_back_after_the_checkout_last_saw_the_type_sold_out_still_sells()
    {
        var typeId = await fixture.AddTypeAsync("Second Chance Pass", 1000, 1);
        var first = await fixture.OrderAsync(TicketsFixture.CodeFrom(await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "first.chance@example.com")));
        // The checkout's shared copy of the types now shows the type sold out (as it would after its next refresh).
        var store = fixture.Site.Services.GetRequiredService<AiEngineer.Web.Infrastructure.Tickets.TicketTypeStore>();
        await store.ReloadAsync();
        var refused = await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "too.late@example.com");
        Assert.Contains("Second Chance Pass is sold out.", await TicketsFixture.ErrorsOf(refused));

        // The organizer cancels the first order: its seat goes back by a conditional update, which leaves the copy as it was.
        await ActAsync(first.Id, "Cancel");
        Assert.Equal(0, (await store.GetAsync([typeId]))[typeId].Remaining);

        // The copy only decides whether to ask the database, and the database has a seat: it sells.
        var order = await fixture.OrderAsync(TicketsFixture.CodeFrom(await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "second.chance@example.com")));
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(1, (await fixture.TypeAsync("Second Chance Pass")).Taken);
    }

    [Fact]
    public async Task A_ticket_type_with_bad_values_is_refused_and_not_saved()
    {
        var client = await OrganizerAsync();
        var response = await client.PostFormAsync("/admin/tickets/edit", new()
        {
            ["Input.Name"] = "Broken Type", ["Input.Kind"] = "0", ["Input.Price"] = "10", ["Input.Capacity"] = "5",
            ["Input.MinPerOrder"] = "5", ["Input.MaxPerOrder"] = "2", ["Input.SortOrder"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The maximum per order must be at least the minimum.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(await fixture.Site.WithDbAsync(db => db.TicketTypes.AnyAsync(t => t.Name == "Broken Type")));

        var created = await client.PostFormAsync("/admin/tickets/edit", new()
        {
            ["Input.Name"] = "Created Type", ["Input.Kind"] = "1", ["Input.Price"] = "49.50", ["Input.Capacity"] = "100",
            ["Input.MinPerOrder"] = "1", ["Input.MaxPerOrder"] = "4", ["Input.SortOrder"] = "9",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var type = await fixture.Site.WithDbAsync(db => db.TicketTypes.SingleAsync(t => t.Name == "Created Type"));
        Assert.Equal(4950, type.PriceMinor);
        Assert.Equal(TicketKind.Remote, type.Kind);
    }

    [Fact]
    public async Task A_sale_start_inside_the_spring_forward_gap_is_refused_with_a_message()
    {
        var client = await OrganizerAsync();
        var response = await client.PostFormAsync("/admin/tickets/edit", new()
        {
            ["Input.Name"] = "Gap Type", ["Input.Kind"] = "0", ["Input.Price"] = "10", ["Input.Capacity"] = "5",
            ["Input.MinPerOrder"] = "1", ["Input.MaxPerOrder"] = "2", ["Input.SortOrder"] = "0",
            ["Input.SaleStartsAt"] = "2027-03-14T02:30", // clocks jump from 2:00 to 3:00 in San Francisco
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("does not exist in America/Los_Angeles", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(await fixture.Site.WithDbAsync(db => db.TicketTypes.AnyAsync(t => t.Name == "Gap Type")));
    }

    [Fact]
    public async Task Vouchers_are_created_from_the_back_office_with_validation()
    {
        var client = await OrganizerAsync();
        var bad = await client.PostFormAsync("/admin/vouchers", new() { ["Input.Code"] = "BAD CODE!", ["Input.Kind"] = "0", ["Input.Value"] = "150", ["Input.MaxUses"] = "1" });
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("A voucher code is 1 to 40 letters", html);
        Assert.Contains("A percentage is between 1 and 100.", html);
        var ok = await client.PostFormAsync("/admin/vouchers", new() { ["Input.Code"] = "early-team", ["Input.Kind"] = "1", ["Input.Value"] = "25", ["Input.MaxUses"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var v = await fixture.Site.WithDbAsync(db => db.Vouchers.SingleAsync(x => x.Code == "EARLY-TEAM"));
        Assert.Equal(VoucherKind.AmountOff, v.Kind);
        Assert.Equal(2500, v.Value);
    }
}

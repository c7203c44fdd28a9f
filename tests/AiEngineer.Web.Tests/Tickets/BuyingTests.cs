using System.Net;
using AiEngineer.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Tickets;

public class BuyingTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    [Fact]
    public async Task The_catalog_lists_visible_types_with_prices_and_hides_hidden_ones()
    {
        var html = WebUtility.HtmlDecode(await fixture.Site.CreateClient().GetStringAsync("/tickets"));
        Assert.Contains("In-person Early Bird", html);
        Assert.Contains("$799", html);
        Assert.Contains("Remote Supporter", html);
        Assert.Contains("Free", html);
        Assert.DoesNotContain("For confirmed speakers", html);
    }

    [Fact]
    public async Task A_free_remote_ticket_completes_at_once_and_emails_the_ticket_with_its_qr_code()
    {
        var client = fixture.Site.CreateBrowserlikeClient();
        var response = await fixture.BuyAsync(client, new() { [fixture.TypeIds["Remote"]] = 1 }, "free.buyer@example.com", method: "Card");
        var code = TicketsFixture.CodeFrom(response);

        var order = await fixture.OrderAsync(code);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(PaymentMethod.Free, order.PaymentMethod);
        Assert.Equal(0, order.TotalMinor);
        var ticket = Assert.Single(order.Tickets);

        var page = await client.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("You&#x27;re going!", page);
        Assert.Contains(ticket.Code, page);
        Assert.Contains("<svg", page); // the QR code

        var email = await fixture.Smtp.WaitForAsync("free.buyer@example.com");
        Assert.Contains(code, email.Subject);
        Assert.Contains(ticket.Code, email.HtmlBody);
        Assert.Contains($"/tickets/qr/{ticket.Code}.png", email.HtmlBody);
        Assert.Contains("/live", email.HtmlBody);
        var qr = await client.GetAsync($"/tickets/qr/{ticket.Code}.png");
        Assert.Equal("image/png", qr.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tickets/qr/NOSUCHTICKETCODE.png")).StatusCode);
    }

    [Fact]
    public async Task An_invoice_order_holds_its_seats_until_the_due_date_and_emails_payment_instructions()
    {
        var typeId = await fixture.AddTypeAsync("Invoice Day Pass", 50000, 10);
        var response = await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 2 }, "invoice.buyer@example.com");
        var order = await fixture.OrderAsync(TicketsFixture.CodeFrom(response));
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(PaymentMethod.Invoice, order.PaymentMethod);
        Assert.Equal(100000, order.TotalMinor);
        Assert.Equal(order.CreatedAt.AddDays(14), order.HoldExpiresAt, TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await fixture.Site.WithDbAsync(db => db.TicketTypes.SingleAsync(t => t.Id == typeId))).Taken);

        var email = await fixture.Smtp.WaitForAsync("invoice.buyer@example.com");
        Assert.Contains("Invoice for order", email.Subject);
        Assert.Contains("$1,000", email.HtmlBody);
    }

    [Fact]
    public async Task The_same_form_posted_twice_makes_one_order()
    {
        var typeId = await fixture.AddTypeAsync("Double Post Pass", 1000, 10);
        var client = fixture.Site.CreateBrowserlikeClient();
        Dictionary<string, string>? captured = null;
        var first = await fixture.BuyAsync(client, new() { [typeId] = 1 }, "twice@example.com", tamper: f => captured = new(f));
        var second = await client.PostAsync("/tickets/checkout", new FormUrlEncodedContent(captured!));
        Assert.Equal(TicketsFixture.CodeFrom(first), TicketsFixture.CodeFrom(second));
        Assert.Equal(1, await fixture.Site.WithDbAsync(db => db.Orders.CountAsync(o => o.BuyerEmail == "twice@example.com")));
        Assert.Equal(1, (await fixture.Site.WithDbAsync(db => db.TicketTypes.SingleAsync(t => t.Id == typeId))).Taken);
    }

    [Fact]
    public async Task The_same_form_posted_again_after_it_took_the_last_seat_shows_its_order_not_sold_out()
    {
        var typeId = await fixture.AddTypeAsync("Last Seat Pass", 0, 1);
        var client = fixture.Site.CreateBrowserlikeClient();
        Dictionary<string, string>? captured = null;
        var first = await fixture.BuyAsync(client, new() { [typeId] = 1 }, "lastseat@example.com", "Free", tamper: f => captured = new(f));
        var second = await client.PostAsync("/tickets/checkout", new FormUrlEncodedContent(captured!));
        Assert.Equal(TicketsFixture.CodeFrom(first), TicketsFixture.CodeFrom(second));
        Assert.Equal(1, (await fixture.Site.WithDbAsync(db => db.TicketTypes.SingleAsync(t => t.Id == typeId))).Taken);
        Assert.Equal(1, await fixture.Site.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.ToAddress == "lastseat@example.com")));
    }

    [Fact]
    public async Task Vouchers_discount_on_the_server_and_unlock_hidden_types()
    {
        var typeId = await fixture.AddTypeAsync("Voucher Pass", 10000, 10);
        await fixture.Site.WithDbAsync(async db =>
        {
            db.Vouchers.Add(new Voucher { Code = "TWENTY", Kind = VoucherKind.PercentOff, Value = 20, MaxUses = 5 });
            var speaker = new Voucher { Code = "SPEAKER-1", Kind = VoucherKind.Comp, MaxUses = 1, UnlocksHidden = true };
            speaker.TicketTypes.Add(new VoucherTicketType { TicketTypeId = fixture.TypeIds["Speaker"] });
            db.Vouchers.Add(speaker);
            await db.SaveChangesAsync();
        });

        // A tampered price field is not a thing: the server prices 2 × $100 − 20%.
        var response = await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 2 }, "voucher@example.com", voucher: "twenty",
            tamper: f => f["Input.TotalMinor"] = "1");
        var order = await fixture.OrderAsync(TicketsFixture.CodeFrom(response));
        Assert.Equal(16000, order.TotalMinor);
        Assert.Equal(4000, order.DiscountMinor);
        Assert.Equal(2, await fixture.Site.WithDbAsync(db => db.Vouchers.Where(v => v.Code == "TWENTY").Select(v => v.Uses).SingleAsync()));

        var catalog = WebUtility.HtmlDecode(await fixture.Site.CreateClient().GetStringAsync("/tickets?voucher=speaker-1"));
        Assert.Contains("For confirmed speakers", catalog);
        var comp = await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [fixture.TypeIds["Speaker"]] = 1 }, "speaker.comp@example.com", voucher: "SPEAKER-1");
        var compOrder = await fixture.OrderAsync(TicketsFixture.CodeFrom(comp));
        Assert.Equal(OrderStatus.Paid, compOrder.Status);
        Assert.Equal(PaymentMethod.Comp, compOrder.PaymentMethod);
    }
}

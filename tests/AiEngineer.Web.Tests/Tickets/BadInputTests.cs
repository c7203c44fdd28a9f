using System.Net;
using AiEngineer.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Tickets;

/// <summary>Each bad order gets a clear message and changes nothing: no order, no seat, no voucher use.</summary>
public class BadInputTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private async Task AssertNothingChangedAsync(string email, int typeId)
    {
        Assert.False(await fixture.Site.WithDbAsync(db => db.Orders.AnyAsync(o => o.BuyerEmail == email)));
        Assert.Equal(0, (await fixture.Site.WithDbAsync(db => db.TicketTypes.SingleAsync(t => t.Id == typeId))).Taken);
    }

    [Fact]
    public async Task A_tampered_ticket_type_id_is_refused()
    {
        var typeId = await fixture.AddTypeAsync("Tamper Pass", 1000, 10);
        var response = await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "tamper@example.com",
            tamper: f => f["Input.Attendees[0].TicketTypeId"] = "999999");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tickets", response.Headers.Location!.ToString());
        await AssertNothingChangedAsync("tamper@example.com", typeId);
    }

    [Fact]
    public async Task More_than_the_maximum_per_order_is_refused()
    {
        var typeId = await fixture.AddTypeAsync("Max Two Pass", 1000, 10, t => t.MaxPerOrder = 2);
        var html = await TicketsFixture.ErrorsOf(await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 3 }, "toomany@example.com"));
        Assert.Contains("Max Two Pass: at most 2 per order.", html);
        await AssertNothingChangedAsync("toomany@example.com", typeId);
    }

    [Fact]
    public async Task Fewer_than_the_minimum_per_order_is_refused()
    {
        var typeId = await fixture.AddTypeAsync("Team Pack", 1000, 10, t => t.MinPerOrder = 3);
        var html = await TicketsFixture.ErrorsOf(await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "toofew@example.com"));
        Assert.Contains("Team Pack: at least 3 per order.", html);
        await AssertNothingChangedAsync("toofew@example.com", typeId);
    }

    [Fact]
    public async Task A_closed_sale_window_is_refused()
    {
        var now = fixture.Site.Time.GetUtcNow().UtcDateTime;
        var ended = await fixture.AddTypeAsync("Ended Pass", 1000, 10, t => t.SaleEndsAt = now.AddMinutes(-1));
        var future = await fixture.AddTypeAsync("Future Pass", 1000, 10, t => t.SaleStartsAt = now.AddDays(1));
        Assert.Contains("The sale of Ended Pass has ended.", await TicketsFixture.ErrorsOf(await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [ended] = 1 }, "late@example.com")));
        Assert.Contains("Future Pass is not on sale yet.", await TicketsFixture.ErrorsOf(await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [future] = 1 }, "early@example.com")));
        await AssertNothingChangedAsync("late@example.com", ended);
        await AssertNothingChangedAsync("early@example.com", future);
    }

    [Fact]
    public async Task Invalid_expired_and_used_up_vouchers_are_refused()
    {
        var typeId = await fixture.AddTypeAsync("Voucher Target", 1000, 10);
        var now = fixture.Site.Time.GetUtcNow().UtcDateTime;
        await fixture.Site.WithDbAsync(async db =>
        {
            db.Vouchers.Add(new Voucher { Code = "OLD", Kind = VoucherKind.Comp, MaxUses = 5, ValidUntil = now.AddDays(-1) });
            db.Vouchers.Add(new Voucher { Code = "GONE", Kind = VoucherKind.Comp, MaxUses = 1, Uses = 1 });
            await db.SaveChangesAsync();
        });
        var client = fixture.Site.CreateBrowserlikeClient();
        Assert.Contains("That voucher code is not valid.", await TicketsFixture.ErrorsOf(await fixture.BuyAsync(client, new() { [typeId] = 1 }, "v1@example.com", voucher: "NOPE")));
        Assert.Contains("This voucher has expired.", await TicketsFixture.ErrorsOf(await fixture.BuyAsync(client, new() { [typeId] = 1 }, "v2@example.com", voucher: "OLD")));
        Assert.Contains("This voucher has been used up.", await TicketsFixture.ErrorsOf(await fixture.BuyAsync(client, new() { [typeId] = 1 }, "v3@example.com", voucher: "GONE")));
        await AssertNothingChangedAsync("v3@example.com", typeId);
        Assert.Equal(1, await fixture.Site.WithDbAsync(db => db.Vouchers.Where(v => v.Code == "GONE").Select(v => v.Uses).SingleAsync()));
    }

    [Fact]
    public async Task A_hidden_type_without_a_voucher_is_refused()
    {
        var html = await TicketsFixture.ErrorsOf(await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [fixture.TypeIds["Speaker"]] = 1 }, "sneaky@example.com"));
        Assert.Contains("Speaker is not on sale.", html);
        Assert.False(await fixture.Site.WithDbAsync(db => db.Orders.AnyAsync(o => o.BuyerEmail == "sneaky@example.com")));
    }

    [Fact]
    public async Task Missing_attendee_details_and_bad_emails_are_refused()
    {
        var typeId = await fixture.AddTypeAsync("Details Pass", 1000, 10);
        var html = await TicketsFixture.ErrorsOf(await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "details@example.com",
            tamper: f => { f["Input.Attendees[0].Name"] = ""; f["Input.Attendees[0].Email"] = "not-an-email"; f["Input.Attendees[0].ShirtSize"] = "XXXXXL"; }));
        Assert.Contains("Enter each attendee's name.", html);
        Assert.Contains("not a valid e-mail address", html);
        Assert.Contains("Unknown T-shirt size", html);
        await AssertNothingChangedAsync("details@example.com", typeId);
    }

    [Fact]
    public async Task An_unknown_order_code_or_a_wrong_token_answers_404()
    {
        var typeId = await fixture.AddTypeAsync("Secret Pass", 0, 10);
        var response = await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "secret@example.com");
        var code = TicketsFixture.CodeFrom(response);
        var stranger = fixture.Site.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/orders/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/orders/{code}?token=wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/orders/NOSUCHCODE?token=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(response.Headers.Location!.ToString())).StatusCode);
    }
}

using System.Net;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Tickets;

public class WaitlistTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private async Task JoinAsync(int typeId, string name, string email)
    {
        var client = fixture.Site.CreateBrowserlikeClient();
        var response = await client.PostFormAsync($"/tickets/waitlist/{typeId}", new() { ["Name"] = name, ["Email"] = email });
        Assert.Contains("on the waitlist", await response.Content.ReadAsStringAsync());
    }

    private async Task<WaitlistEntry> WaitForOfferAsync(string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var entry = await fixture.Site.WithDbAsync(db => db.WaitlistEntries.AsNoTracking().FirstOrDefaultAsync(w => w.Email == email && w.VoucherId != null));
            if (entry is not null) return entry;
            await Task.Delay(100);
        }
        throw new TimeoutException("No waitlist offer for " + email);
    }

    [Fact]
    public async Task A_freed_seat_is_held_for_the_first_in_line_who_gets_a_voucher_by_email()
    {
        var typeId = await fixture.AddTypeAsync("Waitlist Pass", 0, 1);
        var first = TicketsFixture.CodeFrom(await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "first.holder@example.com"));
        Assert.Contains("Join the waitlist", WebUtility.HtmlDecode(await fixture.Site.CreateClient().GetStringAsync("/tickets")));
        await JoinAsync(typeId, "Wanda Waiting", "wanda@example.com");
        await JoinAsync(typeId, "Walt Later", "walt@example.com");

        // The holder cancels; the sweeper offers the seat to Wanda, not to the public.
        var order = await fixture.OrderAsync(first);
        var holder = fixture.Site.CreateBrowserlikeClient();
        var link = $"/orders/{order.Code}?token={order.AccessToken}";
        await holder.PostFormAsync(link + "&handler=Cancel", new(), formPage: link);
        var offer = await WaitForOfferAsync("wanda@example.com");
        var email = await fixture.Smtp.WaitForAsync("wanda@example.com");
        var voucher = await fixture.Site.WithDbAsync(db => db.Vouchers.AsNoTracking().SingleAsync(v => v.Id == offer.VoucherId));
        Assert.Contains(voucher.Code, email.HtmlBody);
        Assert.Equal(1, (await fixture.TypeAsync("Waitlist Pass")).Reserved);

        var stranger = await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "stranger@example.com");
        Assert.Contains("Waitlist Pass is sold out.", await TicketsFixture.ErrorsOf(stranger));

        var wanda = await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "wanda@example.com", voucher: voucher.Code);
        Assert.Equal(OrderStatus.Paid, (await fixture.OrderAsync(TicketsFixture.CodeFrom(wanda))).Status);
        var type = await fixture.TypeAsync("Waitlist Pass");
        Assert.Equal(1, type.Taken);
        Assert.Equal(0, type.Reserved);
        Assert.Null(await fixture.Site.WithDbAsync(db => db.WaitlistEntries.AsNoTracking().Where(w => w.Email == "walt@example.com").Select(w => w.OfferedAt).SingleAsync()));
    }

    [Fact]
    public async Task An_offer_unused_after_48_hours_passes_to_the_next_in_line()
    {
        var typeId = await fixture.AddTypeAsync("Lapse Pass", 0, 1);
        var code = TicketsFixture.CodeFrom(await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "lapse.holder@example.com"));
        await JoinAsync(typeId, "Una Unused", "una@example.com");
        await JoinAsync(typeId, "Nico Next", "nico@example.com");
        var order = await fixture.OrderAsync(code);
        var client = fixture.Site.CreateBrowserlikeClient();
        var link = $"/orders/{order.Code}?token={order.AccessToken}";
        await client.PostFormAsync(link + "&handler=Cancel", new(), formPage: link);
        await WaitForOfferAsync("una@example.com");

        fixture.Site.Time.Advance(TimeSpan.FromHours(49));
        await WaitForOfferAsync("nico@example.com");
        var type = await fixture.TypeAsync("Lapse Pass");
        Assert.Equal(1, type.Reserved);
        Assert.Equal(0, type.Taken);
        await fixture.Smtp.WaitForAsync("nico@example.com");
    }

    [Fact]
    public async Task Joining_the_waitlist_of_a_type_on_sale_is_refused()
    {
        var typeId = await fixture.AddTypeAsync("Plenty Pass", 0, 100);
        var response = await fixture.Site.CreateBrowserlikeClient().PostFormAsync($"/tickets/waitlist/{typeId}", new() { ["Name"] = "Eager", ["Email"] = "eager@example.com" });
        Assert.Contains("is on sale right now", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(await fixture.Site.WithDbAsync(db => db.WaitlistEntries.AnyAsync(w => w.Email == "eager@example.com")));
    }
}

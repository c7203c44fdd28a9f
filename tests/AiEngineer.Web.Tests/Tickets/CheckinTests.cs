using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Tickets;

public class CheckinTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private async Task<string> ScanAsync(HttpClient staff, string code)
    {
        var response = await staff.PostFormAsync("/checkin", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_first_scan_checks_in_the_second_says_when_and_by_whom_and_bad_codes_are_refused()
    {
        await fixture.Site.CreateUserAsync("door@example.com", Roles.CheckIn);
        var staff = await fixture.Site.SignedInClientAsync("door@example.com");
        var typeId = await fixture.AddTypeAsync("Door Pass", 0, 10);
        var order = await fixture.OrderAsync(TicketsFixture.CodeFrom(await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "guest@example.com")));
        var ticket = order.Tickets.Single();

        var first = await ScanAsync(staff, ticket.Code.ToLowerInvariant());
        Assert.Contains("checkin-result ok", first);
        Assert.Contains(ticket.AttendeeName, first);
        Assert.Contains("Door Pass", first);

        var second = await ScanAsync(staff, ticket.Code);
        Assert.Contains("checkin-result again", second);
        Assert.Contains("Already checked in at", second);
        Assert.Contains("by door@example.com", second);

        Assert.Contains("No ticket has this code.", await ScanAsync(staff, "NOSUCHCODE123456"));
        var stored = await fixture.Site.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id));
        Assert.Equal("door@example.com", stored.CheckedInBy);
    }

    [Fact]
    public async Task An_unpaid_order_is_refused_at_the_door()
    {
        await fixture.Site.CreateUserAsync("door2@example.com", Roles.CheckIn);
        var staff = await fixture.Site.SignedInClientAsync("door2@example.com");
        var typeId = await fixture.AddTypeAsync("Unpaid Pass", 5000, 10);
        var order = await fixture.OrderAsync(TicketsFixture.CodeFrom(await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "unpaid@example.com")));
        var html = await ScanAsync(staff, order.Tickets.Single().Code);
        Assert.Contains("checkin-result refused", html);
        Assert.Contains("is not paid yet", html);
    }

    [Fact]
    public async Task Only_check_in_staff_and_organizers_open_the_door_page()
    {
        await fixture.Site.CreateUserAsync("plain.door@example.com");
        var plain = await fixture.Site.SignedInClientAsync("plain.door@example.com");
        var denied = await plain.GetAsync("/checkin");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var anonymous = await fixture.Site.CreateBrowserlikeClient().GetAsync("/checkin");
        Assert.Contains("/Identity/Account/Login", anonymous.Headers.Location!.ToString());
    }
}

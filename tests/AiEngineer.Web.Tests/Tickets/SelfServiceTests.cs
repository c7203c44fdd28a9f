using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Tickets;

/// <summary>What a buyer does from the order link: transfer, edit, resend, cancel; and /my/tickets and /live.</summary>
public class SelfServiceTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    internal static async Task<(Order Order, HttpClient Client, string Link)> FreeOrderAsync(TicketsFixture fixture, string email, string typeName)
    {
        var typeId = await fixture.AddTypeAsync(typeName, 0, 10, t => t.Kind = TicketKind.Remote);
        var client = fixture.Site.CreateBrowserlikeClient();
        var response = await fixture.BuyAsync(client, new() { [typeId] = 1 }, email);
        var order = await fixture.OrderAsync(TicketsFixture.CodeFrom(response));
        return (order, client, response.Headers.Location!.ToString());
    }

    internal static Task<HttpResponseMessage> PostAsync(HttpClient client, string link, string handler, Dictionary<string, string> fields) =>
        client.PostFormAsync(link + "&handler=" + handler, fields, formPage: link);

    [Fact]
    public async Task A_transferred_ticket_gets_a_new_code_the_new_holder_is_emailed_and_the_old_code_is_refused_at_the_door()
    {
        var (order, client, link) = await FreeOrderAsync(fixture, "giver@example.com", "Transfer Pass");
        var ticket = order.Tickets.Single();
        var response = await PostAsync(client, link, "Transfer", new() { ["Transfer.TicketId"] = ticket.Id.ToString(), ["Transfer.Name"] = "Rita Receiver", ["Transfer.Email"] = "rita@example.com" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = (await fixture.OrderAsync(order.Code)).Tickets.Single();
        Assert.NotEqual(ticket.Code, after.Code);
        Assert.Equal("rita@example.com", after.AttendeeEmail);
        var email = await fixture.Smtp.WaitForAsync("rita@example.com");
        Assert.Contains(after.Code, email.HtmlBody);
        Assert.DoesNotContain(ticket.Code, email.HtmlBody);

        await fixture.Site.CreateUserAsync("door.transfer@example.com", Roles.CheckIn);
        var staff = await fixture.Site.SignedInClientAsync("door.transfer@example.com");
        var old = WebUtility.HtmlDecode(await (await staff.PostFormAsync("/checkin", new() { ["Code"] = ticket.Code })).Content.ReadAsStringAsync());
        Assert.Contains("replaced when the ticket was transferred", old);
        var fresh = WebUtility.HtmlDecode(await (await staff.PostFormAsync("/checkin", new() { ["Code"] = after.Code })).Content.ReadAsStringAsync());
        Assert.Contains("checkin-result ok", fresh);
        Assert.Contains("Rita Receiver", fresh);
    }

    [Fact]
    public async Task A_buyer_cancels_a_free_order_and_the_seat_goes_back_on_sale()
    {
        var (order, client, link) = await FreeOrderAsync(fixture, "canceller@example.com", "Cancel Self Pass");
        Assert.Equal(1, (await fixture.TypeAsync("Cancel Self Pass")).Taken);
        await PostAsync(client, link, "Cancel", new());
        Assert.Equal(OrderStatus.Cancelled, (await fixture.OrderAsync(order.Code)).Status);
        Assert.Equal(0, (await fixture.TypeAsync("Cancel Self Pass")).Taken);
    }

    [Fact]
    public async Task Resending_is_limited_to_once_every_two_minutes()
    {
        var (order, client, link) = await FreeOrderAsync(fixture, "resend@example.com", "Resend Pass");
        await fixture.Smtp.WaitForAsync("resend@example.com");
        await PostAsync(client, link, "Resend", new());
        var second = await PostAsync(client, link, "Resend", new());
        Assert.Contains("please wait", WebUtility.HtmlDecode(await client.GetStringAsync(second.Headers.Location!.ToString())));
        await fixture.Smtp.WaitForCountAsync(fixture.Smtp.Messages.Count);
        await Task.Delay(500);
        Assert.Equal(2, fixture.Smtp.To("resend@example.com").Count);
        Assert.Single((await fixture.OrderAsync(order.Code)).Events, e => e.Kind == "resent");
    }

    [Fact]
    public async Task Another_persons_order_cannot_be_changed_without_its_token()
    {
        var (order, _, _) = await FreeOrderAsync(fixture, "victim@example.com", "Victim Pass");
        var attacker = fixture.Site.CreateBrowserlikeClient();
        var token = HttpClientFormExtensions.AntiforgeryToken(await (await attacker.GetAsync("/Identity/Account/Login")).Content.ReadAsStringAsync());
        var response = await attacker.PostAsync($"/orders/{order.Code}?token=guess&handler=Transfer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Transfer.TicketId"] = order.Tickets.Single().Id.ToString(), ["Transfer.Name"] = "Thief", ["Transfer.Email"] = "thief@example.com",
        }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("Thief", (await fixture.OrderAsync(order.Code)).Tickets.Single().AttendeeName);
    }

    [Fact]
    public async Task My_tickets_lists_the_orders_of_the_signed_in_buyer_only()
    {
        await fixture.Site.CreateUserAsync("mine@example.com");
        var me = await fixture.Site.SignedInClientAsync("mine@example.com");
        var typeId = await fixture.AddTypeAsync("Mine Pass", 0, 10);
        var placed = await fixture.BuyAsync(me, new() { [typeId] = 1 }, "mine@example.com");
        var code = TicketsFixture.CodeFrom(placed);
        var other = TicketsFixture.CodeFrom(await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "someone.else@example.com"));
        var html = await me.GetStringAsync("/my/tickets");
        Assert.Contains(code, html);
        Assert.DoesNotContain(other, html);
        // The signed-in buyer opens the order without the token.
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync($"/orders/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync($"/orders/{other}")).StatusCode);
    }

    [Fact]
    public async Task Live_is_open_only_to_ticket_holders()
    {
        var (order, _, _) = await FreeOrderAsync(fixture, "viewer@example.com", "Live Pass");
        var anonymous = fixture.Site.CreateBrowserlikeClient();
        var refused = await anonymous.GetAsync("/live");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("For ticket holders", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/live?ticket=NOTATICKET")).StatusCode);

        var byLink = await anonymous.GetAsync($"/live?ticket={order.Tickets.Single().Code}");
        Assert.Equal(HttpStatusCode.OK, byLink.StatusCode);
        var html = await byLink.Content.ReadAsStringAsync();
        Assert.Contains("Main Stage", html);
        Assert.Contains("https://live.example.com/ai-engineer-summit/main-stage", html);
        Assert.DoesNotContain("Workshop Lab", html); // not livestreamed

        await fixture.Site.CreateUserAsync("attendee0.viewer@example.com"); // the attendee's own account
        var holder = await fixture.Site.SignedInClientAsync("attendee0.viewer@example.com");
        Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync("/live")).StatusCode);
        await fixture.Site.CreateUserAsync("no.ticket@example.com");
        var stranger = await fixture.Site.SignedInClientAsync("no.ticket@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/live")).StatusCode);
    }
}

/// <summary>
/// The change cut-off, in a class of its own: it moves the site's clock past the cut-off, which would close editing and
/// cancelling for every other test sharing the fixture.
/// </summary>
public class SelfServiceCutoffTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private Task<(Order Order, HttpClient Client, string Link)> FreeOrderAsync(string email, string typeName) =>
        SelfServiceTests.FreeOrderAsync(fixture, email, typeName);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string link, string handler, Dictionary<string, string> fields) =>
        SelfServiceTests.PostAsync(client, link, handler, fields);

    [Fact]
    public async Task Attendee_details_can_be_edited_until_the_cutoff_and_not_after()
    {
        var (order, client, link) = await FreeOrderAsync("editor@example.com", "Edit Pass");
        var ticketId = order.Tickets.Single().Id.ToString();
        var edit = new Dictionary<string, string> { ["Attendee.TicketId"] = ticketId, ["Attendee.Name"] = "Edited Name", ["Attendee.Email"] = "edited@example.com", ["Attendee.Dietary"] = "vegan" };
        await PostAsync(client, link, "Edit", edit);
        var t = (await fixture.OrderAsync(order.Code)).Tickets.Single();
        Assert.Equal("Edited Name", t.AttendeeName);
        Assert.Equal("vegan", t.Dietary);

        var bad = await PostAsync(client, link, "Edit", new() { ["Attendee.TicketId"] = ticketId, ["Attendee.Name"] = "", ["Attendee.Email"] = "x" });
        Assert.Contains("Enter the attendee", WebUtility.HtmlDecode(await client.GetStringAsync(bad.Headers.Location!.ToString())));
        Assert.Equal("Edited Name", (await fixture.OrderAsync(order.Code)).Tickets.Single().AttendeeName);

        // The cut-off is 7 days before the first day (midnight in the event's zone).
        var conference = await fixture.Site.WithDbAsync(db => db.Conferences.AsNoTracking().FirstAsync());
        var afterCutoff = conference.ToUtc(conference.StartDate.AddDays(-6), new TimeOnly(12, 0));
        var time = fixture.Site.Time;
        var now = time.GetUtcNow().UtcDateTime;
        if (afterCutoff > now) time.Advance(afterCutoff - now);
        var late = await PostAsync(client, link, "Edit", new(edit) { ["Attendee.Name"] = "Too Late" });
        Assert.Contains("can no longer be changed", WebUtility.HtmlDecode(await client.GetStringAsync(late.Headers.Location!.ToString())));
        Assert.Equal("Edited Name", (await fixture.OrderAsync(order.Code)).Tickets.Single().AttendeeName);
    }
}

using System.Net;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Tickets;

/// <summary>Card payments: Stripe.net against the local fake, and webhooks signed as Stripe signs them.</summary>
public class StripePaymentTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private async Task<(Order Order, HttpClient Client, string OrderLink)> PlaceCardOrderAsync(string email, int typeId, int quantity = 1)
    {
        var client = fixture.Site.CreateBrowserlikeClient();
        var placed = await fixture.BuyAsync(client, new() { [typeId] = quantity }, email, method: "Card");
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        Assert.Contains("/pay?token=", placed.Headers.Location!.ToString());
        var order = await fixture.OrderAsync(TicketsFixture.CodeFrom(placed));
        return (order, client, $"/orders/{order.Code}?token={order.AccessToken}");
    }

    private async Task<string> StartPaymentAsync(HttpClient client, Order order)
    {
        var pay = await client.GetAsync($"/orders/{order.Code}/pay?token={order.AccessToken}");
        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);
        Assert.StartsWith(fixture.Stripe.CheckoutOrigin + "/pay/", pay.Headers.Location!.ToString());
        return pay.Headers.Location!.Segments.Last();
    }

    private Task<HttpResponseMessage> SendAsync(string type, object data, DateTimeOffset? at = null, string? eventId = null, string? secret = null) =>
        FakeStripe.PostWebhookAsync(fixture.Site.CreateClient(), FakeStripe.SignedEvent(type, data, at, eventId, secret ?? FakeStripe.WebhookSecret));

    private static string FormAction(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("form-action"));

    [Fact]
    public async Task Only_the_pages_whose_forms_lead_to_stripe_checkout_allow_its_origin_as_a_form_action()
    {
        var typeId = await fixture.AddTypeAsync("CSP Pass", 5000, 10);
        var client = fixture.Site.CreateBrowserlikeClient();
        var checkout = await client.GetAsync($"/tickets/checkout?qty[{typeId}]=1");
        Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        Assert.Equal($"form-action 'self' {fixture.Stripe.CheckoutOrigin}", FormAction(checkout));

        // The order page links to /pay (a navigation, not a form); the retry form on /pay's error page posts to /pay again.
        fixture.Stripe.FailNext = 1;
        var (order, _, link) = await PlaceCardOrderAsync("csp.card@example.com", typeId);
        var failed = await client.GetAsync($"/orders/{order.Code}/pay?token={order.AccessToken}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal($"form-action 'self' {fixture.Stripe.CheckoutOrigin}", FormAction(failed));
        foreach (var path in new[] { "/", "/tickets", link, "/Identity/Account/Login", "/my/submissions" })
            Assert.Equal("form-action 'self'", FormAction(await client.GetAsync(path)));
    }

    [Fact]
    public async Task The_checkout_session_carries_the_order_and_only_the_webhook_marks_it_paid()
    {
        var typeId = await fixture.AddTypeAsync("Card Pass", 25000, 10);
        var (order, client, link) = await PlaceCardOrderAsync("card@example.com", typeId, 2);
        var sessionId = await StartPaymentAsync(client, order);

        var request = fixture.Stripe.SessionRequests.Last(r => r.GetValueOrDefault("client_reference_id") == order.Id.ToString());
        Assert.Equal(order.Id.ToString(), request["metadata[order_id]"]);
        Assert.Equal("25000", request["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("2", request["line_items[0][quantity]"]);
        Assert.Contains($"/orders/{order.Code}?token=", request["success_url"]);
        Assert.Contains("cancelled=true", request["cancel_url"]);

        // Coming back from Stripe is not proof of payment.
        var back = await client.GetStringAsync(link + "&paid=true");
        Assert.Contains("Payment processing", back);
        Assert.Equal(OrderStatus.Pending, (await fixture.OrderAsync(order.Code)).Status);

        var hook = await SendAsync("checkout.session.completed", FakeStripe.Session(sessionId, order.Id, "paid", "pi_card_1"));
        Assert.Equal(HttpStatusCode.OK, hook.StatusCode);
        var paid = await fixture.OrderAsync(order.Code);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal("pi_card_1", paid.PaymentReference);
        Assert.Contains("You&#x27;re going!", await client.GetStringAsync(link));
        await fixture.Smtp.WaitForAsync("card@example.com", m => m.Subject!.Contains("Your tickets"));
    }

    [Fact]
    public async Task A_webhook_replayed_ten_times_fulfils_once_and_sends_one_email()
    {
        var typeId = await fixture.AddTypeAsync("Replay Pass", 10000, 10);
        var (order, client, _) = await PlaceCardOrderAsync("replay@example.com", typeId);
        var sessionId = await StartPaymentAsync(client, order);
        var signed = FakeStripe.SignedEvent("checkout.session.completed", FakeStripe.Session(sessionId, order.Id, "paid", "pi_replay"), eventId: "evt_replay_1");
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await FakeStripe.PostWebhookAsync(fixture.Site.CreateClient(), signed)).StatusCode);
        // The same payment under other event ids (Stripe retries can look like that) is still one fulfilment.
        await SendAsync("checkout.session.completed", FakeStripe.Session(sessionId, order.Id, "paid", "pi_replay"));

        await fixture.Smtp.WaitForAsync("replay@example.com");
        await Task.Delay(700);
        Assert.Single(fixture.Smtp.To("replay@example.com"));
        Assert.Equal(1, await fixture.Site.WithDbAsync(db => db.ProcessedWebhookEvents.CountAsync(e => e.EventId == "evt_replay_1")));
        Assert.Equal(1, (await fixture.OrderAsync(order.Code)).Events.Count(e => e.Kind == "paid"));
    }

    [Fact]
    public async Task Forged_stale_and_tampered_webhooks_are_refused_and_change_nothing()
    {
        var typeId = await fixture.AddTypeAsync("Forgery Pass", 10000, 10);
        var (order, client, _) = await PlaceCardOrderAsync("forgery@example.com", typeId);
        var sessionId = await StartPaymentAsync(client, order);
        var data = FakeStripe.Session(sessionId, order.Id, "paid", "pi_forged");

        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync("checkout.session.completed", data, secret: "whsec_wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync("checkout.session.completed", data, at: DateTimeOffset.UtcNow.AddMinutes(-10))).StatusCode);
        var signed = FakeStripe.SignedEvent("checkout.session.completed", data);
        var tampered = (signed.Json.Replace("pi_forged", "pi_other"), signed.Signature);
        Assert.Equal(HttpStatusCode.BadRequest, (await FakeStripe.PostWebhookAsync(fixture.Site.CreateClient(), tampered)).StatusCode);
        var unsigned = new HttpRequestMessage(HttpMethod.Post, "/stripe/webhook") { Content = new StringContent(signed.Json) };
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Site.CreateClient().SendAsync(unsigned)).StatusCode);

        Assert.Equal(OrderStatus.Pending, (await fixture.OrderAsync(order.Code)).Status);
    }

    [Fact]
    public async Task An_expired_event_after_the_payment_changes_nothing()
    {
        var typeId = await fixture.AddTypeAsync("Order Pass", 10000, 10);
        var (order, client, _) = await PlaceCardOrderAsync("ordering@example.com", typeId);
        var sessionId = await StartPaymentAsync(client, order);
        await SendAsync("checkout.session.completed", FakeStripe.Session(sessionId, order.Id, "paid", "pi_order"));
        await SendAsync("checkout.session.expired", FakeStripe.Session(sessionId, order.Id, "unpaid"));
        Assert.Equal(OrderStatus.Paid, (await fixture.OrderAsync(order.Code)).Status);
        Assert.Equal(1, (await fixture.TypeAsync("Order Pass")).Taken);
    }

    [Fact]
    public async Task Session_expiry_frees_the_hold_and_a_later_payment_takes_the_seats_again_when_free()
    {
        var typeId = await fixture.AddTypeAsync("Late Pass", 10000, 5);
        var (order, client, _) = await PlaceCardOrderAsync("late@example.com", typeId, 2);
        var sessionId = await StartPaymentAsync(client, order);
        await SendAsync("checkout.session.expired", FakeStripe.Session(sessionId, order.Id, "unpaid"));
        Assert.Equal(OrderStatus.Expired, (await fixture.OrderAsync(order.Code)).Status);
        Assert.Equal(0, (await fixture.TypeAsync("Late Pass")).Taken);

        await SendAsync("checkout.session.completed", FakeStripe.Session(sessionId, order.Id, "paid", "pi_late"));
        var paid = await fixture.OrderAsync(order.Code);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal(2, (await fixture.TypeAsync("Late Pass")).Taken);
        await fixture.Smtp.WaitForAsync("late@example.com", m => m.Subject!.Contains("Your tickets"));
    }

    [Fact]
    public async Task A_payment_after_expiry_with_the_seats_sold_is_flagged_for_refund_and_never_oversold()
    {
        var typeId = await fixture.AddTypeAsync("Gone Pass", 10000, 1);
        var (order, client, link) = await PlaceCardOrderAsync("gone@example.com", typeId);
        var sessionId = await StartPaymentAsync(client, order);

        fixture.Site.Time.Advance(TimeSpan.FromMinutes(16)); // the sweeper expires the 15-minute hold
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await fixture.OrderAsync(order.Code)).Status == OrderStatus.Pending && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(OrderStatus.Expired, (await fixture.OrderAsync(order.Code)).Status);

        var other = await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "quicker@example.com");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);

        await SendAsync("checkout.session.completed", FakeStripe.Session(sessionId, order.Id, "paid", "pi_gone"));
        var late = await fixture.OrderAsync(order.Code);
        Assert.Equal(OrderStatus.RefundDue, late.Status);
        Assert.Equal("pi_gone", late.PaymentReference);
        Assert.Equal(1, (await fixture.TypeAsync("Gone Pass")).Taken);
        Assert.Contains("refund", (await client.GetStringAsync(link)).ToLowerInvariant());
    }

    [Fact]
    public async Task When_stripe_fails_the_buyer_is_asked_to_retry_the_hold_stays_and_the_retry_reuses_the_idempotency_key()
    {
        var typeId = await fixture.AddTypeAsync("Outage Pass", 10000, 10);
        var (order, client, _) = await PlaceCardOrderAsync("outage@example.com", typeId);
        fixture.Stripe.FailNext = 1;
        var first = await client.GetAsync($"/orders/{order.Code}/pay?token={order.AccessToken}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Contains("please try again", await first.Content.ReadAsStringAsync());
        Assert.Equal(OrderStatus.Pending, (await fixture.OrderAsync(order.Code)).Status);
        Assert.Equal(1, (await fixture.TypeAsync("Outage Pass")).Taken);

        await StartPaymentAsync(client, order);
        var keys = await fixture.Site.WithDbAsync(db => db.PaymentAttempts.Where(p => p.OrderId == order.Id).Select(p => p.IdempotencyKey).ToListAsync());
        Assert.Single(keys);
        Assert.Single(fixture.Stripe.SessionsByKey.Keys, k => k == keys[0].ToString());
        // Coming back to pay again reuses the open session instead of creating another.
        await StartPaymentAsync(client, order);
        Assert.Equal(2, fixture.Stripe.SessionRequests.Count(r => r["client_reference_id"] == order.Id.ToString()));
    }

    [Fact]
    public async Task A_charge_refunded_event_records_the_refund_once_and_a_full_refund_frees_the_seats()
    {
        var typeId = await fixture.AddTypeAsync("Refund Pass", 10000, 10);
        var (order, client, _) = await PlaceCardOrderAsync("refund@example.com", typeId, 2);
        var sessionId = await StartPaymentAsync(client, order);
        await SendAsync("checkout.session.completed", FakeStripe.Session(sessionId, order.Id, "paid", "pi_refund"));

        await SendAsync("charge.refunded", FakeStripe.Charge("pi_refund", 20000, 5000));
        await SendAsync("charge.refunded", FakeStripe.Charge("pi_refund", 20000, 5000));
        var partly = await fixture.OrderAsync(order.Code);
        Assert.Equal(5000, partly.RefundedMinor);
        Assert.Equal(OrderStatus.Paid, partly.Status);

        await SendAsync("charge.refunded", FakeStripe.Charge("pi_refund", 20000, 20000));
        var refunded = await fixture.OrderAsync(order.Code);
        Assert.Equal(OrderStatus.Refunded, refunded.Status);
        Assert.Equal(20000, refunded.RefundedMinor);
        Assert.Equal(0, (await fixture.TypeAsync("Refund Pass")).Taken);
    }
}

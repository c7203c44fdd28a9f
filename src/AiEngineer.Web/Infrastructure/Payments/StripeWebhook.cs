using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace AiEngineer.Web.Infrastructure.Payments;

/// <summary>
/// POST /stripe/webhook. Untrusted and repeatable: the signature is verified, each event id is handled once
/// (a unique index remembers it), each type has its own handler, and handlers tolerate any order of arrival.
/// </summary>
public sealed class StripeWebhook(AppDbContext db, TicketSales sales, Sponsors.SponsorCardPayments sponsorPayments, IOptionsMonitor<StripeOptions> options,
    TimeProvider time, ILogger<StripeWebhook> log)
{
    public const int MaxPayloadBytes = 512 * 1024;

    public static void Map(WebApplication app) =>
        app.MapPost("/stripe/webhook", async (HttpRequest request, StripeWebhook webhook, CancellationToken ct) =>
        {
            if (request.ContentLength > MaxPayloadBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            using var reader = new StreamReader(request.Body);
            var json = await reader.ReadToEndAsync(ct);
            return await webhook.HandleAsync(json, request.Headers["Stripe-Signature"].ToString(), ct);
        });

    public async Task<IResult> HandleAsync(string json, string signature, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        if (!settings.IsConfigured) return Results.NotFound();
        Event stripeEvent;
        try
        {
            // The account's API version may differ from the library's; the fields read here are stable across them.
            stripeEvent = EventUtility.ConstructEvent(json, signature, settings.WebhookSecret, throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            log.LogWarning("Rejected a webhook with a bad signature or a stale timestamp");
            return Results.BadRequest("Invalid signature.");
        }

        if (await db.ProcessedWebhookEvents.AnyAsync(e => e.EventId == stripeEvent.Id, ct))
            return Results.Ok(new { received = true, duplicate = true });

        switch (stripeEvent.Type)
        {
            case EventTypes.CheckoutSessionCompleted:
                await SessionCompletedAsync((Session)stripeEvent.Data.Object, ct);
                break;
            case EventTypes.CheckoutSessionAsyncPaymentSucceeded:
                await PaidAsync((Session)stripeEvent.Data.Object, ct);
                break;
            case EventTypes.CheckoutSessionAsyncPaymentFailed:
                await SessionEndedAsync((Session)stripeEvent.Data.Object, "The bank payment failed; the seats went back on sale", ct);
                break;
            case EventTypes.CheckoutSessionExpired:
                await SessionEndedAsync((Session)stripeEvent.Data.Object, "The payment page expired unpaid; the seats went back on sale", ct);
                break;
            case EventTypes.ChargeRefunded:
                await ChargeRefundedAsync((Charge)stripeEvent.Data.Object, ct);
                break;
            default:
                log.LogInformation("Ignored webhook event type {Type}", stripeEvent.Type);
                break;
        }

        db.ChangeTracker.Clear();
        db.ProcessedWebhookEvents.Add(new ProcessedWebhookEvent { EventId = stripeEvent.Id, Type = stripeEvent.Type, ReceivedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same event was handled in parallel; both handlings were idempotent.
        }
        return Results.Ok(new { received = true });
    }

    private static long? OrderId(Session session) =>
        SponsorshipId(session) is null && long.TryParse(session.Metadata?.GetValueOrDefault("order_id") ?? session.ClientReferenceId, out var id) ? id : null;

    /// <summary>Sessions that pay a sponsorship say so in their metadata; all others pay a ticket order.</summary>
    private static int? SponsorshipId(Session session) =>
        session.Metadata?.GetValueOrDefault(Sponsors.SponsorCardPayments.KindKey) == Sponsors.SponsorCardPayments.Kind
        && int.TryParse(session.Metadata.GetValueOrDefault(Sponsors.SponsorCardPayments.SponsorshipIdKey), out var id) ? id : null;

    private async Task SessionCompletedAsync(Session session, CancellationToken ct)
    {
        // Delayed methods (bank debits) complete unpaid first; async_payment_succeeded follows.
        if (session.PaymentStatus is "paid" or "no_payment_required") await PaidAsync(session, ct);
        else log.LogInformation("Checkout session {SessionId} completed, payment {Status}", session.Id, session.PaymentStatus);
    }

    private async Task PaidAsync(Session session, CancellationToken ct)
    {
        if (SponsorshipId(session) is { } sponsorshipId)
        {
            var attemptId = long.TryParse(session.Metadata.GetValueOrDefault(Sponsors.SponsorCardPayments.AttemptIdKey), out var a) ? a : (long?)null;
            await sponsorPayments.ConfirmPaidAsync(sponsorshipId, session.Id, attemptId, session.AmountTotal, session.Currency, session.PaymentIntentId, ct);
            return;
        }
        if (OrderId(session) is not { } orderId) { log.LogWarning("Paid session {SessionId} names no order", session.Id); return; }
        var order = await sales.MarkPaidAsync(orderId, Core.Tickets.PaymentMethod.Card, session.PaymentIntentId, "stripe", ct);
        if (order is null) log.LogWarning("Paid session {SessionId} names unknown order {OrderId}", session.Id, orderId);
        else log.LogInformation("Order {OrderCode} is {Status} after payment", order.Code, order.Status);
    }

    private async Task SessionEndedAsync(Session session, string reason, CancellationToken ct)
    {
        // A sponsorship's slot is held to its own payment deadline, not the payment page's: nothing to undo for one.
        if (OrderId(session) is not { } orderId) return;
        var now = time.GetUtcNow().UtcDateTime;
        // Another payment page for the same order may still be open: then this one ending changes nothing.
        var otherOpen = await db.PaymentAttempts.AnyAsync(p => p.OrderId == orderId && p.SessionId != null && p.SessionId != session.Id && p.SessionExpiresAt > now, ct);
        if (otherOpen) return;
        await sales.ExpireAsync(orderId, reason, onlyIfDue: false, ct);
    }

    private async Task ChargeRefundedAsync(Charge charge, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(charge.PaymentIntentId)) return;
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.PaymentReference == charge.PaymentIntentId, ct);
        if (order is null) { log.LogWarning("Refund for an unknown payment"); return; }
        // Stripe reports the total refunded so far: only what is new is recorded, so repeats and reordering add nothing.
        await sales.RecordRefundTotalAsync(order.Id, charge.AmountRefunded, "stripe", "Refund confirmed by Stripe", ct);
    }
}

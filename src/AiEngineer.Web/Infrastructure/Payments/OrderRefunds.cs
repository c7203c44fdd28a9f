using System.Security.Cryptography;
using System.Text;
using AiEngineer.Core.Messages;
using AiEngineer.Core.Tickets;

namespace AiEngineer.Web.Infrastructure.Payments;

/// <summary>Refunds money on an order: through Stripe for card orders (idempotent per order and new total), recorded either way.</summary>
public sealed class OrderRefunds(TicketSales sales, IPaymentGateway payments, ILogger<OrderRefunds> log)
{
    /// <summary>Returns null on success, or why nothing was refunded (for the page to say in the organizer's language).</summary>
    public async Task<Problem?> RefundAsync(Order order, long amountMinor, string actor, CancellationToken ct)
    {
        var left = order.PaidAt is null ? 0 : order.TotalMinor - order.RefundedMinor;
        if (amountMinor <= 0) return "Enter an amount to refund.";
        if (amountMinor > left) return $"At most {Money.Format(left, order.Currency)} can be refunded.";
        var target = order.RefundedMinor + amountMinor;
        if (order.PaymentMethod == PaymentMethod.Card)
        {
            if (order.PaymentReference is null) return "This card order has no payment to refund.";
            try
            {
                // The same refund (order and new total) always has the same key: a double click refunds once.
                var key = new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"refund:{order.Id}:{target}")));
                await payments.RefundAsync(order.PaymentReference, amountMinor, key, ct);
            }
            catch (Exception ex) when (ex is Stripe.StripeException or HttpRequestException or TaskCanceledException)
            {
                log.LogWarning("Refund of order {OrderCode} failed: {Error}", order.Code, ex.GetType().Name);
                return $"Stripe did not accept the refund: {ex.Message} Nothing was recorded; try again.";
            }
        }
        await sales.RecordRefundTotalAsync(order.Id, target, actor, order.PaymentMethod == PaymentMethod.Card ? "through Stripe" : "recorded by an organizer", ct);
        return null;
    }
}

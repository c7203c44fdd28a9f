using AiEngineer.Core.Tickets;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace AiEngineer.Web.Infrastructure.Payments;

public sealed record CheckoutSession(string Id, string Url, DateTime ExpiresAt);

/// <summary>The card payment provider, as the app uses it.</summary>
public interface IPaymentGateway
{
    bool IsConfigured { get; }
    Task<CheckoutSession> CreateCheckoutAsync(Order order, IReadOnlyDictionary<int, TicketType> types, Guid idempotencyKey, string successUrl, string cancelUrl, CancellationToken ct);
    Task RefundAsync(string paymentIntentId, long amountMinor, Guid idempotencyKey, CancellationToken ct);
}

/// <summary>Stripe Checkout through Stripe.net; <c>Stripe:ApiBase</c> lets tests use a local fake.</summary>
public sealed class StripeGateway(IOptionsMonitor<StripeOptions> options, TimeProvider time) : IPaymentGateway
{
    static StripeGateway()
    {
        StripeConfiguration.EnableTelemetry = false;
    }

    public bool IsConfigured => options.CurrentValue.IsConfigured;

    private StripeClient Client()
    {
        var o = options.CurrentValue;
        if (!o.IsConfigured) throw new InvalidOperationException("Stripe is not configured (Stripe:SecretKey and Stripe:WebhookSecret).");
        return new StripeClient(new StripeClientOptions
        {
            ApiKey = o.SecretKey,
            ApiBase = string.IsNullOrWhiteSpace(o.ApiBase) ? null : o.ApiBase,
            HttpClient = new SystemNetHttpClient(new HttpClient { Timeout = TimeSpan.FromSeconds(20) }, maxNetworkRetries: 0),
        });
    }

    public async Task<CheckoutSession> CreateCheckoutAsync(Order order, IReadOnlyDictionary<int, TicketType> types, Guid idempotencyKey,
        string successUrl, string cancelUrl, CancellationToken ct)
    {
        // Stripe refuses expiries under 30 minutes; a payment after our shorter hold is handled as a late payment.
        var expires = time.GetUtcNow().UtcDateTime.AddMinutes(31);
        var create = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = order.Id.ToString(),
            CustomerEmail = order.BuyerEmail,
            SuccessUrl = successUrl,
            CancelUrl = cancelUrl,
            ExpiresAt = expires,
            Metadata = new Dictionary<string, string> { ["order_id"] = order.Id.ToString(), ["order_code"] = order.Code },
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                Metadata = new Dictionary<string, string> { ["order_id"] = order.Id.ToString(), ["order_code"] = order.Code },
            },
            LineItems = order.Tickets.GroupBy(t => (t.TicketTypeId, t.PriceMinor)).Select(g => new SessionLineItemOptions
            {
                Quantity = g.Count(),
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = order.Currency,
                    UnitAmount = g.Key.PriceMinor,
                    ProductData = new SessionLineItemPriceDataProductDataOptions { Name = types[g.Key.TicketTypeId].Name },
                },
            }).ToList(),
        };
        var session = await new SessionService(Client()).CreateAsync(create, new RequestOptions { IdempotencyKey = idempotencyKey.ToString() }, ct);
        return new CheckoutSession(session.Id, session.Url, session.ExpiresAt == default ? expires : session.ExpiresAt.ToUniversalTime());
    }

    public async Task RefundAsync(string paymentIntentId, long amountMinor, Guid idempotencyKey, CancellationToken ct) =>
        await new RefundService(Client()).CreateAsync(
            new RefundCreateOptions { PaymentIntent = paymentIntentId, Amount = amountMinor },
            new RequestOptions { IdempotencyKey = idempotencyKey.ToString() }, ct);
}

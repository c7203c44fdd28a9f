using AiEngineer.Core.Tickets;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace AiEngineer.Web.Infrastructure.Payments;

public sealed record CheckoutSession(string Id, string Url, DateTime ExpiresAt);

public sealed record CheckoutLine(string Name, long UnitAmountMinor, int Quantity);

/// <summary>
/// A payment page to open: what is sold, in which currency, and the metadata the webhook reads back to know what was paid.
/// <paramref name="ExpiresAt"/> is a wish: Stripe accepts 30 minutes to 24 hours from now, and the gateway keeps it in that window.
/// </summary>
public sealed record CheckoutRequest(string ClientReferenceId, string? CustomerEmail, string Currency, IReadOnlyList<CheckoutLine> Lines,
    IReadOnlyDictionary<string, string> Metadata, string SuccessUrl, string CancelUrl, DateTime ExpiresAt);

/// <summary>The card payment provider, as the app uses it.</summary>
public interface IPaymentGateway
{
    bool IsConfigured { get; }
    Task<CheckoutSession> CreateCheckoutAsync(Order order, IReadOnlyDictionary<int, TicketType> types, Guid idempotencyKey, string successUrl, string cancelUrl, CancellationToken ct);
    Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, Guid idempotencyKey, CancellationToken ct);
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

    public Task<CheckoutSession> CreateCheckoutAsync(Order order, IReadOnlyDictionary<int, TicketType> types, Guid idempotencyKey,
        string successUrl, string cancelUrl, CancellationToken ct)
    {
        var metadata = new Dictionary<string, string> { ["order_id"] = order.Id.ToString(), ["order_code"] = order.Code };
        var lines = order.Tickets.GroupBy(t => (t.TicketTypeId, t.PriceMinor))
            .Select(g => new CheckoutLine(types[g.Key.TicketTypeId].Name, g.Key.PriceMinor, g.Count())).ToList();
        // The shortest session Stripe allows; a payment after our shorter hold is handled as a late payment.
        var request = new CheckoutRequest(order.Id.ToString(), order.BuyerEmail, order.Currency, lines, metadata, successUrl, cancelUrl,
            time.GetUtcNow().UtcDateTime);
        return CreateCheckoutAsync(request, idempotencyKey, ct);
    }

    public async Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, Guid idempotencyKey, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expires = request.ExpiresAt < now.AddMinutes(31) ? now.AddMinutes(31) : request.ExpiresAt > now.AddHours(23) ? now.AddHours(23) : request.ExpiresAt;
        var create = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = request.ClientReferenceId,
            CustomerEmail = request.CustomerEmail,
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
            ExpiresAt = expires,
            Metadata = new Dictionary<string, string>(request.Metadata),
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(request.Metadata) },
            LineItems = request.Lines.Select(l => new SessionLineItemOptions
            {
                Quantity = l.Quantity,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = request.Currency,
                    UnitAmount = l.UnitAmountMinor,
                    ProductData = new SessionLineItemPriceDataProductDataOptions { Name = l.Name },
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

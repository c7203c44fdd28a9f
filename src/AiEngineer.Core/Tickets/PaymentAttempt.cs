namespace AiEngineer.Core.Tickets;

/// <summary>One try at opening a provider's payment page, for whatever is being paid (an order, a sponsorship).</summary>
public interface ICheckoutAttempt
{
    long Id { get; }
    Guid IdempotencyKey { get; }
    string? SessionId { get; set; }
    string? CheckoutUrl { get; set; }
    DateTime? SessionExpiresAt { get; set; }
    string? LastError { get; set; }
}

/// <summary>
/// One try at paying an order by card. Its id is the idempotency key sent to Stripe, so retrying after a
/// timeout or a 500 can never create a second checkout session for the same attempt.
/// </summary>
public class PaymentAttempt : ICheckoutAttempt
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public Guid IdempotencyKey { get; set; }
    public string? SessionId { get; set; }
    public string? CheckoutUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SessionExpiresAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A Stripe event already handled: its id is unique, so a replay is recognised and skipped.</summary>
public class ProcessedWebhookEvent
{
    public long Id { get; set; }
    public string EventId { get; set; } = "";
    public string Type { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
}

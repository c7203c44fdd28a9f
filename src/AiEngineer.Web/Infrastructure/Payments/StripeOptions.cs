namespace AiEngineer.Web.Infrastructure.Payments;

/// <summary>Bound to "Stripe". Card payments are offered only when both keys are set.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public string? SecretKey { get; set; }
    public string? WebhookSecret { get; set; }
    /// <summary>Where Stripe.net sends API calls; tests point it at a local fake.</summary>
    public string? ApiBase { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(WebhookSecret);
}

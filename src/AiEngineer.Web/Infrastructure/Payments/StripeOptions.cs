namespace AiEngineer.Web.Infrastructure.Payments;

/// <summary>Bound to "Stripe". Card payments are offered only when both keys are set.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public string? SecretKey { get; set; }
    public string? WebhookSecret { get; set; }
    /// <summary>Where Stripe.net sends API calls; tests point it at a local fake.</summary>
    public string? ApiBase { get; set; }
    /// <summary>
    /// Where Stripe Checkout pages live. The pages whose forms lead there (<see cref="FormsPostToCheckoutAttribute"/>) add
    /// this origin to their CSP's form-action, since browsers check form-action on every redirect a submission leads to.
    /// </summary>
    public string CheckoutOrigin { get; set; } = DefaultCheckoutOrigin;

    public const string DefaultCheckoutOrigin = "https://checkout.stripe.com";

    /// <summary><see cref="CheckoutOrigin"/> as scheme://host[:port], or null when it is not an http(s) address.</summary>
    public string? CheckoutOriginOrNull =>
        Uri.TryCreate(CheckoutOrigin, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(WebhookSecret);
}

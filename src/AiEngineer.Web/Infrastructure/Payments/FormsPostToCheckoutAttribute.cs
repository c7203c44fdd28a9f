using AiEngineer.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Infrastructure.Payments;

/// <summary>
/// On a page whose forms may end on Stripe Checkout (the form posts, the page redirects to the session's URL), the CSP's
/// form-action also allows <see cref="StripeOptions.CheckoutOrigin"/>, and only while card payment is configured. Every
/// other page keeps form-action 'self'. Without it Chromium refuses the last redirect of the chain and the buyer never
/// reaches the payment page.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FormsPostToCheckoutAttribute : Attribute, IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var stripe = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<StripeOptions>>().CurrentValue;
        if (stripe.IsConfigured && stripe.CheckoutOriginOrNull is { } origin)
            context.HttpContext.Response.Headers.ContentSecurityPolicy = SecurityHeaders.PolicyWithFormAction(origin);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}

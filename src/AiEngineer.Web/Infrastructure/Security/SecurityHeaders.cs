namespace AiEngineer.Web.Infrastructure.Security;

/// <summary>Headers on every response: no inline script, no framing, no MIME sniffing, a short referrer; HSTS in Production.</summary>
public static class SecurityHeaders
{
    private const string PolicyWithoutFormAction =
        "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'self'; ";

    public const string ContentSecurityPolicy = PolicyWithoutFormAction + "form-action 'self'";

    /// <summary>The site's policy with one more form-action source (the payment pages' Stripe Checkout origin).</summary>
    public static string PolicyWithFormAction(string origin) => PolicyWithoutFormAction + "form-action 'self' " + origin;

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return builder;
    }

    public static void UseSecurityHeaders(this WebApplication app)
    {
        // HSTS goes only on HTTPS responses to hosts other than localhost; the browser then refuses plain HTTP for a year.
        if (app.Environment.IsProduction()) app.UseHsts();
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h.XFrameOptions = "DENY";
            h.ContentSecurityPolicy = ContentSecurityPolicy;
            await next();
        });
    }
}

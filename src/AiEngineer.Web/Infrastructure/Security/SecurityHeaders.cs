namespace AiEngineer.Web.Infrastructure.Security;

/// <summary>Headers on every response: no inline script, no framing, no MIME sniffing, a short referrer; HSTS in Production.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

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

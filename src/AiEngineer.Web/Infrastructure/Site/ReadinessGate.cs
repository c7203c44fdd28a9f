using AiEngineer.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Diagnostics;

namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>
/// A replica whose migrations are not applied yet (a new version started before the migrate step, with
/// Database:MigrateOnStartup=false) answers every request but the health probes with 503 and Retry-After, and the
/// friendly status page, instead of rendering pages against a schema it does not know. Kubernetes reads
/// <c>/healthz/ready</c> and keeps such a pod out of the Service; open-source nginx cannot probe, so this answer is how
/// it learns: with <c>proxy_next_upstream http_503</c> it sends the request on to another replica and, with
/// <c>max_fails=1</c>, leaves this one out for <c>fail_timeout</c>. Once the schema is current the gate costs one
/// volatile read.
/// </summary>
public static class ReadinessGate
{
    public const int RetryAfterSeconds = 5;

    public static void UseReadinessGate(this WebApplication app)
    {
        var schema = app.Services.GetRequiredService<SchemaCheck>();
        app.Use(async (ctx, next) =>
        {
            // The status page's own re-executed request passes, or the 503 would have no page.
            if (ctx.Request.Path.StartsWithSegments("/healthz") || ctx.Features.Get<IStatusCodeReExecuteFeature>() is not null
                || await schema.IsCurrentAsync())
            {
                await next();
                return;
            }
            ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ctx.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
    }
}

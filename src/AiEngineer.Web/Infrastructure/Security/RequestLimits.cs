using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace AiEngineer.Web.Infrastructure.Security;

/// <summary>
/// Size limits for every request: 10 MB of body on Kestrel, the same for a multipart form, 1 MB for any one text field.
/// The upload pages cap themselves lower still (<c>[RequestSizeLimit]</c>: speaker photo 6 MB, sponsor logo 3 MB).
/// Too much answers 413 from Kestrel, or 400 when the form reader refuses it; never a server error.
/// A NUL character in the path or the query answers 400: PostgreSQL cannot compare or store one in text and failed
/// such requests with a server error. (Form fields with a NUL and forms over their limits already answer 400.)
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 10 * 1024 * 1024;
    public const int MaxFieldBytes = 1024 * 1024;
    public const int MaxFields = 1024;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.AddServerHeader = false;
        });
        builder.Services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = MaxBodyBytes;
            o.ValueLengthLimit = MaxFieldBytes;
            o.ValueCountLimit = MaxFields;
        });
        return builder;
    }

    /// <summary>
    /// After routing: a body announced larger than the endpoint allows answers 413 before anyone reads it (antiforgery
    /// would otherwise turn Kestrel's refusal into a 400). NUL in the path or query answers 400.
    /// </summary>
    public static void UseRequestLimits(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        var limit = ctx.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? ctx.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
            ?? MaxBodyBytes;
        if (ctx.Request.ContentLength > limit)
        {
            ctx.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (HasNul(ctx.Request.Path.Value) || ctx.Request.Query.Any(q => HasNul(q.Key) || q.Value.Any(HasNul)))
        {
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await next();
    });

    private static bool HasNul(string? s) => s is not null && s.Contains('\0');
}

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Infrastructure.Security;

/// <summary>
/// Size limits for every request: 10 MB of body on Kestrel, the same for a multipart form, 1 MB for any one text field.
/// The upload pages cap themselves lower still (<c>[RequestSizeLimit]</c>: speaker photo 6 MB, sponsor logo 3 MB).
/// Too much answers 413 from Kestrel, or 400 when the form reader refuses it; never a server error.
/// A NUL character in the path, the query or a form field answers 400: PostgreSQL cannot store one in text and
/// would fail the request with a server error; no person types one.
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
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.ConfigureFilter(new RefuseNulInFormFilter()));
        return builder;
    }

    /// <summary>
    /// After routing: a body announced larger than the endpoint allows answers 413 before anyone reads it (the form
    /// readers would otherwise turn Kestrel's refusal into a 400). NUL in the path or query answers 400. Forms are
    /// checked after antiforgery by the page filter, which also answers 400 for a form over its limits instead of
    /// letting the handler run on half of it.
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

    private sealed class RefuseNulInFormFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var request = context.HttpContext.Request;
            if (request.HasFormContentType)
            {
                IFormCollection form;
                try
                {
                    form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
                }
                catch (Exception e) when (e is InvalidDataException or IOException)
                {
                    // Over a form limit (fields, field length, multipart size) or a body cut short: the form is unusable.
                    context.Result = new BadRequestResult();
                    return;
                }
                if (form.Any(f => HasNul(f.Key) || f.Value.Any(HasNul)) || form.Files.Any(f => HasNul(f.FileName)))
                {
                    context.Result = new BadRequestResult();
                    return;
                }
            }
            await next();
        }
    }
}

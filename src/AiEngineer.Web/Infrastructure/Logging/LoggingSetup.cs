using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace AiEngineer.Web.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>Serilog: readable console in Development, compact JSON elsewhere. Levels come from "Serilog:MinimumLevel".</summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, log) =>
        {
            log.ReadFrom.Configuration(builder.Configuration)
               .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
               .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
               .Enrich.FromLogContext();
            if (builder.Environment.IsDevelopment())
                log.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {SourceContext}{NewLine}{Exception}");
            else
                log.WriteTo.Console(new RenderedCompactJsonFormatter());
        });
        return builder;
    }

    /// <summary>One line per request: method, path (never the query string, which may hold tokens), status and time.</summary>
    public static void UseRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            o.GetLevel = (ctx, _, ex) => RequestLevel(ctx, ex);
        });

    /// <summary>
    /// Errors at Error; health probes at Verbose; a public page answered from the output cache (it carries an Age
    /// header) at Debug: under load those are most requests, and writing their line cost about a fifth of a cached
    /// page's throughput. Everything else at Information. Turn Debug on for
    /// <c>Serilog.AspNetCore.RequestLoggingMiddleware</c> to see the cached ones too.
    /// </summary>
    public static LogEventLevel RequestLevel(HttpContext ctx, Exception? ex) =>
        ex is not null || ctx.Response.StatusCode >= 500 ? LogEventLevel.Error
        : ctx.Request.Path.StartsWithSegments("/healthz") ? LogEventLevel.Verbose
        : ctx.Response.Headers.ContainsKey("Age") ? LogEventLevel.Debug
        : LogEventLevel.Information;
}

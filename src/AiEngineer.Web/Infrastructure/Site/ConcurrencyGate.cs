using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>Bound to "Server".</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    /// <summary>
    /// Requests the app works on at once (0: no limit). The rest wait their turn, oldest first. On a small machine a rush
    /// of hundreds of buyers at once otherwise has every one of them half done: their pages, queries and objects all alive
    /// together, so each collection of garbage has the most to copy and the database pool the longest line.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 32;

    /// <summary>Requests that may wait for a turn; one more answers 503 with Retry-After.</summary>
    public int RequestQueueLimit { get; set; } = 5000;
}

/// <summary>
/// The gate in front of the pages (<see cref="ServerOptions.MaxConcurrentRequests"/>). It stands after the output cache,
/// so a cached page never waits, and the health probes skip it so a busy app still reports itself alive.
/// </summary>
public static class ConcurrencyGate
{
    public static WebApplicationBuilder AddConcurrencyGate(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ServerOptions>(builder.Configuration.GetSection(ServerOptions.Section));
        return builder;
    }

    public static void UseConcurrencyGate(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
        if (options.MaxConcurrentRequests <= 0) return;
        var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentRequests,
            QueueLimit = Math.Max(0, options.RequestQueueLimit),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        app.Lifetime.ApplicationStopped.Register(limiter.Dispose);
        var trigger = app.Services.GetService<Tickets.WaitingRoomTrigger>(); // absent where the gate runs alone (its tests)
        app.Use(async (ctx, next) =>
        {
            // Probes, and the live hub: a browser holds its connection open for as long as it watches, and a keynote's
            // thousands of viewers must not take the permits page requests need (the hub does no database work).
            if (ctx.Request.Path.StartsWithSegments("/healthz") || ctx.Request.Path.StartsWithSegments(Live.LiveHub.Path))
            {
                await next();
                return;
            }
            // A long queue here may turn the waiting room on (Admin › Tickets, "Turn on by itself at").
            if (trigger is not null && limiter.GetStatistics() is { CurrentQueuedCount: > 0 } stats) trigger.Observe((int)stats.CurrentQueuedCount);
            using var lease = await limiter.AcquireAsync(1, ctx.RequestAborted);
            if (!lease.IsAcquired)
            {
                ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                ctx.Response.Headers.RetryAfter = Database.DatabaseOutage.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture); // as for a database outage
                return;
            }
            await next();
        });
    }
}

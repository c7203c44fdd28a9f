using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>Bound to "Redis". Empty <see cref="Configuration"/> (the default): no Redis, every cache and limit in memory.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, for example <c>127.0.0.1:6379</c> or <c>redis:6379,password=…,ssl=true</c>.</summary>
    public string Configuration { get; set; } = "";

    /// <summary>Prefix of every key and channel the app uses, so several sites can share one Redis.</summary>
    public string InstanceName { get; set; } = "aie:";
}

/// <summary>
/// What several replicas share beyond the database. With <c>Redis:Configuration</c> set: the output cache is the Redis
/// store (so an eviction on one replica empties the page for all of them), the rate limits count in Redis (so the pair
/// allows the limit, not twice it), and readiness includes Redis. Without it, each replica caches and counts for itself;
/// either way the in-memory copies of the conference, templates, ticket types and waiting room follow other replicas'
/// saves through PostgreSQL (<see cref="SiteChangeFeed"/>). The concurrency gate stays per replica on purpose: it guards
/// the replica's own cores and connection pool.
/// </summary>
public static class ScaleOut
{
    public static WebApplicationBuilder AddScaleOut(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(RedisOptions.Section);
        builder.Services.Configure<RedisOptions>(section);
        var options = section.Get<RedisOptions>() ?? new RedisOptions();
        if (string.IsNullOrWhiteSpace(options.Configuration)) return builder;
        var redis = ConfigurationOptions.Parse(options.Configuration);
        // Start even while Redis is down (readiness says so, and the replica stays out of the proxy until it is back);
        // reconnect by itself afterwards.
        redis.AbortOnConnectFail = false;
        redis.ClientName ??= "aie-web";
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        builder.Services.AddStackExchangeRedisOutputCache(o => o.InstanceName = options.InstanceName + "pages:");
        // Wrapped, so that losing Redis means pages rendered uncached, never error pages (FailOpenOutputCacheStore).
        var store = builder.Services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        builder.Services.Remove(store);
        builder.Services.AddSingleton(sp => new FailOpenOutputCacheStore(Create<IOutputCacheStore>(sp, store),
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<ILogger<FailOpenOutputCacheStore>>()));
        builder.Services.AddSingleton<IOutputCacheStore>(sp => sp.GetRequiredService<FailOpenOutputCacheStore>());
        // The store uses the app's one connection rather than opening its own.
        builder.Services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>()
            .Configure<IServiceProvider>((o, sp) => o.ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()));
        builder.Services.AddSingleton<SharedRedisHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<SharedRedisHealthCheck>("redis", HealthStatus.Unhealthy, ["ready"], TimeSpan.FromSeconds(2));
        return builder;
    }

    private static T Create<T>(IServiceProvider sp, ServiceDescriptor d) where T : class =>
        d.ImplementationInstance as T
        ?? d.ImplementationFactory?.Invoke(sp) as T
        ?? (T)ActivatorUtilities.CreateInstance(sp, d.ImplementationType!);
}

/// <summary>
/// Readiness's view of Redis (the AspNetCore.HealthChecks.Redis check, which pings it). A replica that has never
/// reached Redis since it started is not ready: a new replica with a wrong address or password stays out of the proxy
/// and the rollout stops there. Once it has been connected, losing Redis is Degraded, still ready: the one shared Redis
/// going down would otherwise take every replica out at once, although each can serve without it (pages rendered
/// uncached by <see cref="FailOpenOutputCacheStore"/>, limits counted per replica by the rate limiter).
/// </summary>
public sealed class SharedRedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    private readonly HealthChecks.Redis.RedisHealthCheck _ping = new(redis);
    private volatile bool _reached;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await _ping.CheckHealthAsync(context, cancellationToken);
        if (result.Status == HealthStatus.Healthy)
        {
            _reached = true;
            return result;
        }
        return _reached
            ? HealthCheckResult.Degraded("Redis is unreachable: pages are rendered uncached and rate limits count per replica until it is back", result.Exception)
            : HealthCheckResult.Unhealthy("Redis has not been reached since this replica started", result.Exception);
    }
}

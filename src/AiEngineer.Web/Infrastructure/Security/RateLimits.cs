using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Infrastructure.Security;

/// <summary>One limit: at most <see cref="PermitLimit"/> POSTs per partition in each fixed window of <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Bound to "RateLimits". Every rule counts POSTs only, except <see cref="QueueJoin"/>, which counts new places in line.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;
    /// <summary>
    /// Sign-in attempts (password, authenticator code, recovery code) per client IP. Identity's lockout guards each
    /// account; this slows trying many accounts from one address, while a venue or office NAT (or a test suite signing in
    /// thirty sponsors at once) still gets through.
    /// </summary>
    public RateLimitRule Login { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };
    /// <summary>Password-reset and confirmation-link requests per client IP (one budget for both): each sends an email.</summary>
    public RateLimitRule PasswordReset { get; set; } = new() { PermitLimit = 5, WindowSeconds = 300 };
    /// <summary>Proposal creates, saves, submits and invitations per signed-in speaker.</summary>
    public RateLimitRule Proposals { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };
    /// <summary>Sponsor applications per signed-in account.</summary>
    public RateLimitRule SponsorApply { get; set; } = new() { PermitLimit = 10, WindowSeconds = 600 };
    /// <summary>
    /// Checkouts per client IP. High on purpose: buyers behind one venue, office or carrier NAT share an address,
    /// and the ticket-rush benchmark sends 5,000 buyers from one address. Holds, per-order limits and the idempotency
    /// key protect the seats; this stops a runaway script.
    /// </summary>
    public RateLimitRule Checkout { get; set; } = new() { PermitLimit = 6000, WindowSeconds = 60 };
    /// <summary>
    /// New places in the waiting room per client IP. A reload, or a browser that keeps its cookie, keeps its place and
    /// is not counted; a script that drops its cookie to stand in line many times over is. High enough for a household,
    /// an office or a carrier NAT whose buyers all arrive in the same minute.
    /// </summary>
    public RateLimitRule QueueJoin { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };
}

/// <summary>
/// The built-in rate limiter on the forms worth abusing: sign-in, password reset, proposals, sponsor applications and
/// checkout. Anonymous forms are counted per client IP (the forwarded one from a proxy named in Proxy:KnownProxies or
/// Proxy:KnownNetworks); forms that need an account per signed-in user. With Redis configured the counts are shared by
/// every replica (<see cref="Site.ScaleOut"/>). A refused POST answers
/// 429 with Retry-After, and the status-code page explains it.
/// </summary>
public static class RateLimits
{
    public const string Login = "login";
    public const string PasswordReset = "password-reset";
    public const string Proposals = "proposals";
    public const string SponsorApply = "sponsor-apply";
    public const string Checkout = "checkout";
    public const string QueueJoin = "queue-join";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                // No body here: the status-code page (/Error?code=429) renders the friendly explanation.
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(Login, http => Partition(http, Login, o => o.Login, perUser: false));
            o.AddPolicy(PasswordReset, http => Partition(http, PasswordReset, o => o.PasswordReset, perUser: false));
            o.AddPolicy(Proposals, http => Partition(http, Proposals, o => o.Proposals, perUser: true));
            o.AddPolicy(SponsorApply, http => Partition(http, SponsorApply, o => o.SponsorApply, perUser: true));
            o.AddPolicy(Checkout, http => Partition(http, Checkout, o => o.Checkout, perUser: false));
        });
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            var c = o.Conventions;
            c.AddAreaPageApplicationModelConvention("Identity", "/Account/Login", Limit(Login));
            // The second sign-in step guesses a 6-digit code: the same budget as passwords.
            c.AddAreaPageApplicationModelConvention("Identity", "/Account/LoginWith2fa", Limit(Login));
            c.AddAreaPageApplicationModelConvention("Identity", "/Account/LoginWithRecoveryCode", Limit(Login));
            c.AddAreaPageApplicationModelConvention("Identity", "/Account/ForgotPassword", Limit(PasswordReset));
            // Each sends an email to whatever address is typed, like a reset request.
            c.AddAreaPageApplicationModelConvention("Identity", "/Account/ResendEmailConfirmation", Limit(PasswordReset));
            c.AddFolderApplicationModelConvention("/My/Submissions", Limit(Proposals));
            c.AddPageApplicationModelConvention("/Sponsors/Apply", Limit(SponsorApply));
            c.AddPageApplicationModelConvention("/Tickets/Checkout", Limit(Checkout));
        });
        // Not an endpoint policy: a join is a GET of /tickets/queue that makes a place, which only the page knows.
        builder.Services.AddSingleton(_ => new QueueJoinLimiter(
            PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, QueueJoin, o => o.QueueJoin, perUser: false, postsOnly: false))));
        return builder;
    }

    private static Action<PageApplicationModel> Limit(string policy) =>
        model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy));

    private static RateLimitPartition<string> Partition(HttpContext http, string policy, Func<RateLimitOptions, RateLimitRule> pick, bool perUser, bool postsOnly = true)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        if (!options.Enabled || (postsOnly && !HttpMethods.IsPost(http.Request.Method))) return RateLimitPartition.GetNoLimiter("");
        var rule = pick(options);
        var user = perUser ? http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var key = user is not null ? $"{policy}:user:{user}" : $"{policy}:ip:{http.Connection.RemoteIpAddress}";
        // With Redis the window is counted there, so every replica spends one budget. While Redis is unreachable each
        // replica counts for itself (below): the limit still holds per replica, and no POST fails on Redis's timeout.
        if (http.RequestServices.GetService<StackExchange.Redis.IConnectionMultiplexer>() is { IsConnected: true } redis)
            return RedisRateLimiting.RedisRateLimitPartition.GetFixedWindowRateLimiter(
                http.RequestServices.GetRequiredService<IOptions<Site.RedisOptions>>().Value.InstanceName + "limits:" + key,
                _ => new RedisRateLimiting.RedisFixedWindowRateLimiterOptions
                {
                    ConnectionMultiplexerFactory = () => redis,
                    PermitLimit = Math.Max(1, rule.PermitLimit),
                    Window = TimeSpan.FromSeconds(Math.Max(1, rule.WindowSeconds)),
                });
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, rule.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, rule.WindowSeconds)),
            QueueLimit = 0,
        });
    }
}

/// <summary>
/// The budget of new waiting-room places per client IP (<see cref="RateLimitOptions.QueueJoin"/>), spent by the queue
/// page just before it makes a place; shared through Redis like the other limits.
/// </summary>
public sealed class QueueJoinLimiter(PartitionedRateLimiter<HttpContext> limiter) : IDisposable
{
    /// <summary>Null when the place may be made; otherwise the seconds until the budget refills.</summary>
    public async Task<int?> RefusedForAsync(HttpContext http, CancellationToken ct = default)
    {
        using var lease = await limiter.AcquireAsync(http, 1, ct);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
    }

    public void Dispose() => limiter.Dispose();
}

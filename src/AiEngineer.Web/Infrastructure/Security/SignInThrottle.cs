using System.Security.Cryptography;
using System.Text;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Infrastructure.Security;

/// <summary>
/// Failed sign-ins per client address over a sliding window (<see cref="AccountsOptions.SignInFailuresPerAddress"/>),
/// counted in the database so every app instance sees the same count. The address is stored only as its SHA-256, and
/// only for the window (<see cref="SweepAsync"/>).
/// </summary>
public sealed class SignInThrottle(AppDbContext db, IOptionsMonitor<AccountsOptions> options, TimeProvider time)
{
    private TimeSpan Window => TimeSpan.FromMinutes(Math.Max(1, options.CurrentValue.SignInFailureWindowMinutes));

    private static string SourceOf(HttpContext http) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(http.Connection.RemoteIpAddress?.ToString() ?? "unknown")));

    /// <summary>How long this client must wait before trying again, or null when it may try now.</summary>
    public async Task<TimeSpan?> BlockedForAsync(HttpContext http, CancellationToken ct = default)
    {
        var limit = options.CurrentValue.SignInFailuresPerAddress;
        if (limit <= 0) return null;
        var now = time.GetUtcNow().UtcDateTime;
        var source = SourceOf(http);
        var since = now - Window;
        var recent = await db.SignInFailures.AsNoTracking().Where(f => f.Source == source && f.At > since)
            .OrderByDescending(f => f.At).Select(f => f.At).Take(limit).ToListAsync(ct);
        if (recent.Count < limit) return null;
        // The limit-th most recent failure leaves the window first among those that keep the count at the limit.
        return recent[^1] + Window - now;
    }

    public async Task RecordFailureAsync(HttpContext http, CancellationToken ct = default)
    {
        if (options.CurrentValue.SignInFailuresPerAddress <= 0) return;
        db.SignInFailures.Add(new SignInFailure { Source = SourceOf(http), At = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes failures older than the window (run by the hold-expiry worker); returns how many.</summary>
    public Task<int> SweepAsync(CancellationToken ct = default)
    {
        var before = time.GetUtcNow().UtcDateTime - Window;
        return db.SignInFailures.Where(f => f.At <= before).ExecuteDeleteAsync(ct);
    }
}

using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Audit;
using AiEngineer.Core.Email;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AiEngineer.Web.Infrastructure.Security;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every entity an organizer or reviewer adds, changes or deletes, in the same
/// save, with the changed fields before and after. Secrets (password hashes, stamps, token hashes), binary content and
/// the outbox are left out. Audit rows themselves can never be changed or deleted.
/// Bulk ExecuteUpdate/ExecuteDelete bypass EF's change tracker, so organizer and reviewer pages use tracked changes.
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider time) : SaveChangesInterceptor
{
    // Session feedback is anonymous: an entry would say which organizer or reviewer wrote which comment.
    private static readonly HashSet<Type> Skipped =
        [typeof(AuditEntry), typeof(DataProtectionKey), typeof(IdentityUserToken<string>), typeof(IdentityUserLogin<string>), typeof(Core.Feedback.SessionFeedback)];
    private static readonly HashSet<string> Secret =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "NormalizedEmail", "NormalizedUserName", "Snapshot", "LeaseOwner"];
    private const int ValueMaxLength = 300;

    /// <summary>Fields never copied into the log: credentials, tokens that open a page, and frozen snapshots.</summary>
    private static bool IsSecret(string name) =>
        Secret.Contains(name) || name.Contains("Token", StringComparison.Ordinal) || name.Contains("Hash", StringComparison.Ordinal)
        || name.Contains("Secret", StringComparison.Ordinal) || name.Contains("Password", StringComparison.Ordinal);

    private sealed class State
    {
        public List<(AuditEntry Audit, EntityEntry Entry)> PendingKeys { get; } = [];
        public bool FixingKeys { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, State> _states = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } ctx) Capture(eventData, ctx);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is { } ctx) Capture(eventData, ctx);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } ctx && TakePending(ctx) is { } state)
        {
            try { ctx.SaveChanges(); } finally { state.FixingKeys = false; }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is { } ctx && TakePending(ctx) is { } state)
        {
            try { await ctx.SaveChangesAsync(ct); } finally { state.FixingKeys = false; }
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? ctx)
    {
        if (ctx is not null && _states.TryGetValue(ctx, out var s)) { s.PendingKeys.Clear(); s.FixingKeys = false; }
    }

    /// <summary>Rows added in this save get their database-generated ids only now: fill them in and save once more.</summary>
    private State? TakePending(DbContext ctx)
    {
        if (!_states.TryGetValue(ctx, out var state) || state.FixingKeys || state.PendingKeys.Count == 0) return null;
        foreach (var (audit, entry) in state.PendingKeys) audit.EntityId = KeyOf(entry);
        state.PendingKeys.Clear();
        state.FixingKeys = true;
        return state;
    }

    private void Capture(DbContextEventData save, DbContext ctx)
    {
        var state = _states.GetOrCreateValue(ctx);
        var tracked = Database.SavingScan.Entries(save, ctx);
        foreach (var e in tracked.Where(e => e.Entity is AuditEntry))
            if (e.State == EntityState.Deleted || (e.State == EntityState.Modified && !state.FixingKeys))
                throw new InvalidOperationException("The audit log cannot be changed or deleted.");
        if (state.FixingKeys) return;

        var user = http.HttpContext?.User;
        if (user is null || !(user.IsInRole(Roles.Organizer) || user.IsInRole(Roles.Reviewer))) return;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var userName = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "";
        var request = http.HttpContext!.Request;
        var handler = request.Query["handler"].ToString();
        var path = (request.Path.Value ?? "") + (handler.Length is > 0 and <= 40 ? "?handler=" + handler : "");
        if (path.Length > AuditEntry.PathMaxLength) path = path[..AuditEntry.PathMaxLength];
        var now = time.GetUtcNow().UtcDateTime;

        var entries = tracked
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !Skipped.Contains(e.Metadata.ClrType))
            // Mail queued as a side effect (with personal data in its body) is not copied; an organizer's retry or cancel is.
            .Where(e => !(e.Entity is OutboundEmail && e.State == EntityState.Added))
            .ToList();
        foreach (var entry in entries)
        {
            var changes = new SortedDictionary<string, string?[]>(StringComparer.Ordinal);
            foreach (var p in entry.Properties)
            {
                var name = p.Metadata.Name;
                if (IsSecret(name) || p.Metadata.ClrType == typeof(byte[])) continue;
                switch (entry.State)
                {
                    case EntityState.Added when p.CurrentValue is not null && !p.IsTemporary:
                        changes[name] = [null, Show(p.CurrentValue)];
                        break;
                    case EntityState.Deleted:
                        changes[name] = [Show(p.OriginalValue), null];
                        break;
                    case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                        changes[name] = [Show(p.OriginalValue), Show(p.CurrentValue)];
                        break;
                }
            }
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            var audit = new AuditEntry
            {
                At = now,
                UserId = userId,
                UserName = userName,
                Action = entry.State switch { EntityState.Added => AuditAction.Added, EntityState.Deleted => AuditAction.Deleted, _ => AuditAction.Modified },
                EntityType = entry.Metadata.ClrType.IsGenericType ? entry.Metadata.ShortName() : entry.Metadata.ClrType.Name,
                Changes = JsonSerializer.Serialize(changes),
                Path = path,
            };
            if (entry.Properties.Any(p => p.Metadata.IsPrimaryKey() && p.IsTemporary)) state.PendingKeys.Add((audit, entry));
            else audit.EntityId = KeyOf(entry);
            ctx.Add(audit);
        }
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Show(entry.Property(p.Name).CurrentValue)));
        return key.Length > 100 ? key[..100] : key;
    }

    private static string? Show(object? value)
    {
        var s = value switch
        {
            null => null,
            DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            System.Collections.IEnumerable list and not string => string.Join(", ", list.Cast<object?>()),
            _ => value.ToString(),
        };
        return s is { Length: > ValueMaxLength } ? s[..ValueMaxLength] + "…" : s;
    }
}

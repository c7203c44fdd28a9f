using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AiEngineer.Web.Infrastructure.Database;

/// <summary>
/// What a save is about to write, for the save interceptors (outbox signal, page eviction, audit). Finding it means
/// EF's DetectChanges, a walk over every tracked entity and its properties, and each interceptor asking for the
/// entries ran it once more before EF ran it itself: four walks a checkout. Here the first interceptor to ask in a save
/// runs it, and the others in the same save (the same <see cref="DbContextEventData"/>, which EF passes to each
/// interceptor in turn; they only read) take the entries as they stand.
/// </summary>
public static class SavingScan
{
    private static readonly ConditionalWeakTable<DbContextEventData, object> Detected = new();
    private static readonly object Done = new();

    /// <summary>The tracked entries at the start of the save <paramref name="save"/>, changes detected.</summary>
    public static List<EntityEntry> Entries(DbContextEventData save, DbContext db)
    {
        var tracker = db.ChangeTracker;
        if (!Detected.TryGetValue(save, out _))
        {
            tracker.DetectChanges();
            Detected.AddOrUpdate(save, Done);
        }
        var auto = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try { return tracker.Entries().ToList(); }
        finally { tracker.AutoDetectChangesEnabled = auto; }
    }
}

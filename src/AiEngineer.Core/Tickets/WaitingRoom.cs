using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Tickets;

/// <summary>
/// The on-sale waiting room (one row): while it is on, /tickets and the checkout need a pass, and buyers get one in
/// arrival order at <see cref="AdmitPerMinute"/>. An organizer turns it on under Admin › Tickets, or it turns itself on
/// for <see cref="AutoHold"/> when the app's own request queue passes <see cref="AutoQueueThreshold"/>.
/// </summary>
public class WaitingRoom
{
    public const int SingletonId = 1;
    /// <summary>How long the room stays on after the request queue last passed the threshold.</summary>
    public static readonly TimeSpan AutoHold = TimeSpan.FromMinutes(10);
    /// <summary>A place whose page has not asked for its position for this long is skipped (the buyer left); it keeps its place if they return.</summary>
    public static readonly TimeSpan Gone = TimeSpan.FromSeconds(60);
    /// <summary>At most this much unspent admission time is banked, so a quiet spell does not let a crowd in at once.</summary>
    public static readonly TimeSpan MaxBurst = TimeSpan.FromSeconds(5);

    public int Id { get; set; } = SingletonId;
    /// <summary>The organizer's switch.</summary>
    public bool Enabled { get; set; }
    /// <summary>The pace of admission: the rate the site holds.</summary>
    public int AdmitPerMinute { get; set; } = 600;
    /// <summary>How long an admitted buyer may take to check out.</summary>
    public int PassMinutes { get; set; } = 10;
    /// <summary>Requests waiting in the app's gate that turn the room on by itself; 0 never does.</summary>
    public int AutoQueueThreshold { get; set; }
    /// <summary>UTC; on by itself until then (the gate's queue passed the threshold).</summary>
    public DateTime? AutoOnUntil { get; set; }
    /// <summary>UTC; admissions up to now are paid for by the time since this instant (see <see cref="AdmissionsDue"/>).</summary>
    public DateTime AdmitClock { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsOnAt(DateTime now) => Enabled || AutoOnUntil > now;
    public bool IsAutoOnAt(DateTime now) => !Enabled && AutoOnUntil > now;

    /// <summary>Seconds of waiting per place ahead, at the room's pace.</summary>
    public double SecondsPerPlace => 60.0 / Math.Max(1, AdmitPerMinute);

    /// <summary>
    /// How many buyers may be admitted at <paramref name="now"/>: the time since <see cref="AdmitClock"/> (at most
    /// <see cref="MaxBurst"/> of it) at the room's pace, and the clock to store once that many are admitted.
    /// </summary>
    public (int Count, DateTime Clock) AdmissionsDue(DateTime now)
    {
        var from = AdmitClock < now - MaxBurst ? now - MaxBurst : AdmitClock;
        if (from > now) return (0, AdmitClock);
        var count = (int)Math.Floor((now - from).TotalSeconds / SecondsPerPlace);
        return (count, from.AddSeconds(count * SecondsPerPlace));
    }

    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        if (AdmitPerMinute is < 1 or > 100_000) problems.Add("Admissions per minute must be between 1 and 100,000.");
        if (PassMinutes is < 1 or > 120) problems.Add("A pass must last between 1 and 120 minutes.");
        if (AutoQueueThreshold is < 0 or > 100_000) problems.Add("The automatic threshold must be between 0 (never) and 100,000 waiting requests.");
        return problems;
    }
}

/// <summary>One buyer's place in the waiting room; <see cref="Id"/> is the arrival order.</summary>
public class QueueEntry
{
    public long Id { get; set; }
    /// <summary>SHA-256 of the secret in the buyer's signed cookie: the place belongs to that browser.</summary>
    public byte[] SecretHash { get; set; } = [];
    public DateTime JoinedAt { get; set; }
    /// <summary>When the buyer's page last asked for its position; a place not seen for <see cref="WaitingRoom.Gone"/> is skipped.</summary>
    public DateTime LastSeenAt { get; set; }
    public DateTime? AdmittedAt { get; set; }
    public DateTime? PassExpiresAt { get; set; }
    /// <summary>When an order was placed with the pass; a pass buys once.</summary>
    public DateTime? UsedAt { get; set; }
    /// <summary>The idempotency key of that order: the same form posted again is the same order, not a second use.</summary>
    public Guid? UsedForOrderKey { get; set; }

    public bool HasValidPassAt(DateTime now) => AdmittedAt is not null && PassExpiresAt > now;
}

public static class QueueEntryQueries
{
    /// <summary>Places still in line at <paramref name="now"/>: not admitted, and seen within <see cref="WaitingRoom.Gone"/>.</summary>
    public static IQueryable<QueueEntry> Waiting(this IQueryable<QueueEntry> entries, DateTime now)
    {
        var since = now - WaitingRoom.Gone;
        return entries.Where(e => e.AdmittedAt == null && e.LastSeenAt >= since);
    }
}

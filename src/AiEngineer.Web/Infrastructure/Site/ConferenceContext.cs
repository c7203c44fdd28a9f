using AiEngineer.Core.Conference;

namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>The conference record for this request (from <see cref="ConferenceStore"/>). Null until an organizer (or the demo seed) creates it.</summary>
public sealed class ConferenceContext(ConferenceStore store)
{
    public Task<ConferenceEvent?> GetAsync(CancellationToken ct = default) => store.GetAsync(ct);

    /// <summary>"December 9–11, 2026", "December 30, 2026 – January 1, 2027" and so on.</summary>
    public static string DateRange(ConferenceEvent c)
    {
        var (s, e) = (c.StartDate, c.EndDate);
        if (s == e) return s.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
        if (s.Year == e.Year && s.Month == e.Month) return $"{s:MMMM} {s.Day}–{e.Day}, {s.Year}";
        if (s.Year == e.Year) return $"{s:MMMM d} – {e:MMMM d}, {s.Year}";
        return $"{s:MMMM d, yyyy} – {e:MMMM d, yyyy}";
    }
}

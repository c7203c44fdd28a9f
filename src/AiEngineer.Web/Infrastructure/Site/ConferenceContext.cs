using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>The conference record for this request, loaded once. Null until an organizer (or the demo seed) creates it.</summary>
public sealed class ConferenceContext(AppDbContext db)
{
    private ConferenceEvent? _conference;
    private bool _loaded;

    public async Task<ConferenceEvent?> GetAsync(CancellationToken ct = default)
    {
        if (_loaded) return _conference;
        _conference = await db.Conferences.AsNoTracking().AsSplitQuery()
            .Include(c => c.Tracks.OrderBy(t => t.SortOrder))
            .Include(c => c.Rooms.OrderBy(r => r.SortOrder))
            .OrderBy(c => c.Id)
            .FirstOrDefaultAsync(ct);
        _loaded = true;
        return _conference;
    }

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

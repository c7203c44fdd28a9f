using System.Globalization;
using System.Resources;
using AiEngineer.Core.Conference;

namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>The conference record for this request (from <see cref="ConferenceStore"/>). Null until an organizer (or the demo seed) creates it.</summary>
public sealed class ConferenceContext(ConferenceStore store, TimeProvider time)
{
    public Task<ConferenceEvent?> GetAsync(CancellationToken ct = default) => store.GetAsync(ct);

    /// <summary>Whether the summit's last day has passed (<see cref="ConferenceEvent.IsOverAt"/>): then nothing is sold.</summary>
    public async Task<bool> IsOverAsync(CancellationToken ct = default) =>
        await GetAsync(ct) is { } c && c.IsOverAt(time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// "December 9–11, 2026", "December 30, 2026 – January 1, 2027", "2026年12月9日至11日" and so on, in the visitor's
    /// language: the patterns are strings of <see cref="Pages.Shared.SiteText"/>, so a translator sets them too.
    /// </summary>
    public static string DateRange(ConferenceEvent c)
    {
        var (s, e) = (c.StartDate.ToDateTime(TimeOnly.MinValue), c.EndDate.ToDateTime(TimeOnly.MinValue));
        var pattern =
            s == e ? Pattern("{0:MMMM d, yyyy}")
            : s.Year == e.Year && s.Month == e.Month ? Pattern("{0:MMMM} {0:%d}–{1:%d}, {0:yyyy}")
            : s.Year == e.Year ? Pattern("{0:MMMM d} – {1:MMMM d}, {0:yyyy}")
            : Pattern("{0:MMMM d, yyyy} – {1:MMMM d, yyyy}");
        return string.Format(CultureInfo.CurrentCulture, pattern, s, e);
    }

    private static readonly ResourceManager Text = new(typeof(Pages.Shared.SiteText).FullName!, typeof(Pages.Shared.SiteText).Assembly);

    /// <summary>A date pattern in the visitor's language (the English pattern is its own key).</summary>
    private static string Pattern(string english) => Text.GetString(english, CultureInfo.CurrentUICulture) is { Length: > 0 } p ? p : english;
}

using System.Globalization;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Schedule;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Schedule;

/// <summary>
/// The latest published version of the program, for the public pages, the feeds and /live. The snapshot is parsed
/// once per version and kept; each request only asks the database which version is current.
/// </summary>
public sealed class ProgramStore(AppDbContext db, ProgramStore.Cache cache)
{
    /// <summary>Holds the parsed snapshot of the last version read (a singleton; one reference, swapped whole).</summary>
    public sealed class Cache
    {
        public sealed record Entry(int VersionId, PublishedProgram Program);
        public Entry? Current { get; set; }
    }

    public async Task<PublishedProgram?> GetAsync(ConferenceEvent conference, CancellationToken ct)
    {
        var id = await db.ScheduleVersions.AsNoTracking().Where(v => v.ConferenceEventId == conference.Id)
            .OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
        if (id is null) return null;
        if (cache.Current is { } c && c.VersionId == id) return c.Program;
        var json = await db.ScheduleVersions.AsNoTracking().Where(v => v.Id == id).Select(v => v.Snapshot).FirstAsync(ct);
        var program = PublishedProgram.FromJson(json);
        cache.Current = new Cache.Entry(id.Value, program);
        return program;
    }

    /// <summary>"Wed Dec 9, 2:00 PM": how the back office and emails name an instant, in the event's zone.</summary>
    public static string Describe(ConferenceEvent conference, DateTime utc) =>
        conference.ToLocal(utc).ToString("ddd MMM d, h:mm tt", CultureInfo.InvariantCulture);

    public static string Clock(ConferenceEvent conference, DateTime utc) =>
        conference.ToLocal(utc).ToString("h:mm tt", CultureInfo.InvariantCulture);

    public static DateOnly DayOf(ConferenceEvent conference, DateTime utc) => DateOnly.FromDateTime(conference.ToLocal(utc));

    public static string DayName(DateOnly day) => day.ToString("dddd, MMMM d", CultureInfo.InvariantCulture);
}

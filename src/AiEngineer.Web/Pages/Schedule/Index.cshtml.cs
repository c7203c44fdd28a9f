using AiEngineer.Core.Conference;
using AiEngineer.Core.Schedule;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Pages.Schedule;

/// <summary>The published program by day: a grid by room on wide screens, a list on phones, and "now" and "next" during the event.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.Site.PublicPageCache.Policies.Schedule)]
public class IndexModel(ConferenceContext conferences, ProgramStore store, TimeProvider time, Core.Data.AppDbContext db) : PageModel
{
    public ConferenceEvent? Conference { get; private set; }
    public PublishedProgram? Program { get; private set; }
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];
    public DateOnly Day { get; private set; }
    public IReadOnlyList<PublishedSession> DaySessions { get; private set; } = [];
    public ScheduleGrid<PublishedSession>? Grid { get; private set; }
    public IReadOnlyList<PublishedSession> Now { get; private set; } = [];
    public IReadOnlyList<PublishedSession> Next { get; private set; } = [];
    public bool DuringEvent { get; private set; }
    /// <summary>The languages the program's talks are given in, and the one the visitor filters by (?language=zh-Hans), if any.</summary>
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public string? Language { get; private set; }
    /// <summary>The visitor's stars (signed-in visitors only; they are never served from the page cache).</summary>
    public My.Agenda.StarView? Stars { get; private set; }

    /// <summary>Whether a session shows under the language filter: items without a language (breaks, registration) always do.</summary>
    private bool Shown(PublishedSession s) => Language is null || s.Language is null || s.Language == Language;

    public string DayLink(DateOnly d) => "/schedule?day=" + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        + (Language is null ? "" : "&language=" + Uri.EscapeDataString(Language));

    public string LanguageLink(string? language) => "/schedule?day=" + Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        + (language is null ? "" : "&language=" + Uri.EscapeDataString(language));

    public async Task<IActionResult> OnGetAsync(DateOnly? day, string? language, CancellationToken ct)
    {
        Conference = await conferences.GetAsync(ct);
        if (Conference is null) return Page();
        Program = await store.GetAsync(Conference, ct);
        if (Program is null || Program.Sessions.Count == 0) return Page();
        var c = Conference;
        Stars = await My.Agenda.StarView.ForAsync(HttpContext, db, ct);
        Days = Program.Sessions.Select(s => ProgramStore.DayOf(c, s.StartsAt)).Distinct().Order().ToList();

        Languages = Program.Sessions.Where(s => s.IsSession).Select(s => s.Language ?? Core.Cfp.Proposal.DefaultLanguage).Distinct().Order(StringComparer.Ordinal).ToList();
        Language = Languages.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase)); // an unknown one filters nothing
        var now = time.GetUtcNow().UtcDateTime;
        (Now, Next, DuringEvent) = NowAndNext(Program, now);
        (Now, Next) = (Now.Where(Shown).ToList(), Next.Where(Shown).ToList());
        var today = ProgramStore.DayOf(c, now);
        Day = day is { } d && Days.Contains(d) ? d : Days.Contains(today) ? today : Days[0];
        DaySessions = Program.Sessions.Where(s => ProgramStore.DayOf(c, s.StartsAt) == Day && Shown(s)).OrderBy(s => s.StartsAt).ThenBy(s => RoomOrder(s)).ToList();
        var rooms = c.Rooms.Where(r => DaySessions.Any(s => s.RoomId == r.Id)).ToList();
        Grid = new ScheduleGrid<PublishedSession>(DaySessions, rooms, [], s => s.StartsAt, s => s.EndsAt, s => s.RoomId);
        return Page();
    }

    private int RoomOrder(PublishedSession s) => Conference!.Rooms.FindIndex(r => r.Id == s.RoomId);

    /// <summary>What is on now and what starts next; only from a few hours before the first entry to the end of the last.</summary>
    public static (IReadOnlyList<PublishedSession> Now, IReadOnlyList<PublishedSession> Next, bool During) NowAndNext(PublishedProgram program, DateTime now)
    {
        if (program.Sessions.Count == 0) return ([], [], false);
        var first = program.Sessions.Min(s => s.StartsAt);
        var last = program.Sessions.Max(s => s.EndsAt);
        if (now < first.AddHours(-3) || now >= last) return ([], [], false);
        var current = program.Sessions.Where(s => s.StartsAt <= now && now < s.EndsAt).OrderBy(s => s.StartsAt).ToList();
        var upcoming = program.Sessions.Where(s => s.StartsAt > now).ToList();
        var nextStart = upcoming.Count > 0 ? upcoming.Min(s => s.StartsAt) : (DateTime?)null;
        var next = nextStart is null ? [] : upcoming.Where(s => s.StartsAt == nextStart).ToList();
        return (current, next, true);
    }
}

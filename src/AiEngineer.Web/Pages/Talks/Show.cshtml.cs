using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Schedule;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Pages.Schedule;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Talks;

/// <summary>A published session: when and where, the abstract, its speakers, and "add to calendar".</summary>
public class ShowModel(AppDbContext db, ConferenceContext conferences, ProgramStore store, Microsoft.Extensions.Options.IOptionsMonitor<SiteOptions> site,
    TimeProvider time) : PageModel
{
    public ConferenceEvent Conference { get; private set; } = null!;
    public PublishedProgram Program { get; private set; } = null!;
    public PublishedSession Session { get; private set; } = null!;
    public IReadOnlyList<(PublishedSpeaker Speaker, SpeakerProfile? Profile)> Speakers { get; private set; } = [];
    public My.Agenda.StarView Stars { get; private set; } = null!;
    /// <summary>The session has ended: its feedback page is linked (the page itself says who may use it, and until when).</summary>
    public bool HasEnded { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var c = await conferences.GetAsync(ct);
        if (c is null || await store.GetAsync(c, ct) is not { } program || program.Session(slug) is not { } session) return NotFound();
        (Conference, Program, Session) = (c, program, session);
        HasEnded = time.GetUtcNow().UtcDateTime >= session.EndsAt;
        Stars = await My.Agenda.StarView.ForAsync(HttpContext, db, ct);
        var ids = session.SpeakerUserIds.ToList();
        var profiles = await db.SpeakerProfiles.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        Speakers = ids.Select(program.SpeakerById).Where(s => s is not null).Select(s => (s!, profiles.GetValueOrDefault(s!.UserId))).ToList();
        return Page();
    }

    /// <summary>The talk's address from Site:PublicUrl, not from the request's Host header (which a client chooses, and a cached page would keep).</summary>
    public string PageUrl => site.CurrentValue.Link($"/talks/{Session.Slug}");

    /// <summary>Google Calendar's "create event" link, filled in.</summary>
    public string GoogleCalendarLink(string pageUrl)
    {
        static string Z(DateTime t) => t.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var details = $"{string.Join(", ", Speakers.Select(s => s.Speaker.Name))}\n\n{pageUrl}";
        return "https://calendar.google.com/calendar/render?action=TEMPLATE"
               + "&text=" + Uri.EscapeDataString(Session.Title)
               + "&dates=" + Z(Session.StartsAt) + "/" + Z(Session.EndsAt)
               + "&details=" + Uri.EscapeDataString(details)
               + "&location=" + Uri.EscapeDataString($"{Session.RoomName}, {Conference.VenueName}, {Conference.VenueAddress}");
    }
}

using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Sponsors;
using Microsoft.EntityFrameworkCore;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Pages;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.Site.PublicPageCache.Policies.Home)]
public class IndexModel(ConferenceContext conferences, AppDbContext db, TimeProvider time, Schedule.ProgramStore program) : PageModel
{
    /// <summary>How many speakers the home page features: a grid of four across on a wide screen.</summary>
    public const int FeaturedCount = 12;

    public ConferenceEvent? Conference { get; private set; }
    /// <summary>The last day has passed: the page thanks everyone and points to the program instead of tickets and the CFP.</summary>
    public bool IsOver { get; private set; }
    public IReadOnlyList<Sponsorship> Sponsors { get; private set; } = [];
    /// <summary>Speakers of the published program, keynote speakers first, then in program order; with their photo's id.</summary>
    public IReadOnlyList<(Core.Schedule.PublishedSpeaker Speaker, int? PhotoId, bool Keynote)> Featured { get; private set; } = [];
    /// <summary>How many speakers the published program has in all.</summary>
    public int SpeakerCount { get; private set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Conference = await conferences.GetAsync(ct);
        IsOver = Conference?.IsOverAt(time.GetUtcNow().UtcDateTime) == true;
        Sponsors = await db.Sponsorships.AsNoTracking().Include(s => s.Tier)
            .Where(s => s.Status == SponsorshipStatus.Live)
            .OrderBy(s => s.Tier.SortOrder).ThenBy(s => s.PaidAt).ToListAsync(ct);
        if (Conference is null || await program.GetAsync(Conference, ct) is not { } published) return;
        var keynoters = published.Sessions.Where(s => s.Kind == Core.Schedule.ScheduleItemKind.Keynote).OrderBy(s => s.StartsAt)
            .SelectMany(s => s.SpeakerUserIds).ToHashSet();
        // Keynote speakers in the order they speak, then the others by their first session, so the grid reads like the program.
        var first = published.Sessions.Where(s => s.IsSession).OrderBy(s => s.StartsAt).ThenBy(s => s.Sequence)
            .SelectMany(s => s.SpeakerUserIds).Distinct().ToList();
        var chosen = first.Where(keynoters.Contains).Concat(first.Where(id => !keynoters.Contains(id)))
            .Select(published.SpeakerById).OfType<Core.Schedule.PublishedSpeaker>().Take(FeaturedCount).ToList();
        var ids = chosen.Select(s => s.UserId).ToList();
        var photos = await db.SpeakerProfiles.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.PhotoId, ct);
        Featured = chosen.Select(s => (s, photos.GetValueOrDefault(s.UserId), keynoters.Contains(s.UserId))).ToList();
        SpeakerCount = published.Speakers.Count;
    }
}

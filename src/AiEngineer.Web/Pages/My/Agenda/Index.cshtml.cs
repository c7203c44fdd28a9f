using System.Security.Claims;
using AiEngineer.Core.Agenda;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Schedule;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Pages.Schedule;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Pages.My.Agenda;

/// <summary>
/// My agenda: the sessions I starred by day, against the latest published program. It warns when two overlap, notes the
/// ones that moved since I starred them and the ones no longer on the program, and holds my private calendar link.
/// </summary>
public class IndexModel(AppDbContext db, ConferenceContext conferences, ProgramStore store, TimeProvider time, IOptionsMonitor<SiteOptions> site) : PageModel
{
    /// <summary>A starred session as published now, whether it moved since it was starred, and the starred sessions it overlaps.</summary>
    public sealed record Entry(PublishedSession Session, SessionStar Star, bool Moved, IReadOnlyList<PublishedSession> Clashes);
    public sealed record Gone(int ProposalId, string Title, SessionStar Star);

    public ConferenceEvent? Conference { get; private set; }
    public PublishedProgram? Program { get; private set; }
    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public IReadOnlyList<Gone> Removed { get; private set; } = [];
    public StarView Stars { get; private set; } = null!;
    /// <summary>The site's clock: sessions that have ended link to their feedback.</summary>
    public DateTime Now { get; private set; }
    public AgendaFeed? Feed { get; private set; }
    /// <summary>The calendar link just made: shown this once, since only its hash is kept.</summary>
    public string? NewFeedUrl { get; private set; }

    [TempData] public string? FeedToken { get; set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public IEnumerable<IGrouping<DateOnly, Entry>> Days => Entries.GroupBy(e => ProgramStore.DayOf(Conference!, e.Session.StartsAt));
    public int ClashCount => Entries.Count(e => e.Clashes.Count > 0);
    public int MovedCount => Entries.Count(e => e.Moved);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = Me;
        Feed = await db.AgendaFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.UserId == me, ct);
        if (Feed is not null && FeedToken is { } token && AgendaFeed.Hash(token) == Feed.TokenHash)
            NewFeedUrl = FeedUrl(token);
        Conference = await conferences.GetAsync(ct);
        if (Conference is null) return Page();
        Now = time.GetUtcNow().UtcDateTime;
        Program = await store.GetAsync(Conference, ct);
        Stars = await StarView.ForAsync(HttpContext, db, ct);
        var stars = await db.SessionStars.AsNoTracking().Where(s => s.UserId == me).ToListAsync(ct);
        var published = (Program?.Sessions ?? []).Where(s => s.ProposalId is not null).ToDictionary(s => s.ProposalId!.Value);
        var starred = stars.Where(s => published.ContainsKey(s.ProposalId)).Select(s => (Star: s, Session: published[s.ProposalId]))
            .OrderBy(x => x.Session.StartsAt).ThenBy(x => x.Session.EndsAt).ToList();
        Entries = starred.Select(x => new Entry(x.Session, x.Star, x.Star.MovedIn(x.Session),
            starred.Where(o => o.Session.Key != x.Session.Key && Overlap(o.Session, x.Session)).Select(o => o.Session).ToList())).ToList();

        var goneIds = stars.Where(s => !published.ContainsKey(s.ProposalId)).Select(s => s.ProposalId).ToList();
        var titles = await db.Proposals.AsNoTracking().Where(p => goneIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        Removed = stars.Where(s => goneIds.Contains(s.ProposalId)).OrderBy(s => s.StarredStartsAt)
            .Select(s => new Gone(s.ProposalId, titles.GetValueOrDefault(s.ProposalId, ""), s)).ToList();
        return Page();
    }

    private static bool Overlap(PublishedSession a, PublishedSession b) => a.StartsAt < b.EndsAt && b.StartsAt < a.EndsAt;

    /// <summary>"New link": makes the private calendar link, or replaces it (the old one answers 404 from now on).</summary>
    public async Task<IActionResult> OnPostNewLinkAsync(CancellationToken ct)
    {
        var me = Me;
        var now = time.GetUtcNow().UtcDateTime;
        var feed = await db.AgendaFeeds.FirstOrDefaultAsync(f => f.UserId == me, ct);
        string token;
        if (feed is null) (feed, token) = AgendaFeed.Create(me, now);
        else token = feed.Renew(now);
        if (db.Entry(feed).State == EntityState.Detached) db.AgendaFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        FeedToken = token;
        return Redirect("/my/agenda#calendar");
    }

    /// <summary>Turns the calendar link off: every copy of it answers 404.</summary>
    public async Task<IActionResult> OnPostStopLinkAsync(CancellationToken ct)
    {
        var me = Me;
        await db.AgendaFeeds.Where(f => f.UserId == me).ExecuteDeleteAsync(ct);
        return Redirect("/my/agenda#calendar");
    }

    /// <summary>"Noted": the moved session's new time and room become the ones the star remembers, and the note goes.</summary>
    public async Task<IActionResult> OnPostNotedAsync(int proposalId, CancellationToken ct)
    {
        var me = Me;
        var star = await db.SessionStars.FirstOrDefaultAsync(s => s.UserId == me && s.ProposalId == proposalId, ct);
        if (star is null || await conferences.GetAsync(ct) is not { } c) return NotFound();
        var session = (await store.GetAsync(c, ct))?.Sessions.FirstOrDefault(s => s.ProposalId == proposalId);
        if (session is null) return NotFound();
        star.Acknowledge(session);
        await db.SaveChangesAsync(ct);
        return Redirect("/my/agenda");
    }

    public string FeedUrl(string token) => site.CurrentValue.Link($"/agenda/{token}.ics");
}

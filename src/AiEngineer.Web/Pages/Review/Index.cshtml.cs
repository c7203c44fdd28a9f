using System.Security.Claims;
using AiEngineer.Core.Review;
using AiEngineer.Core.Data;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Review;

/// <summary>A reviewer's queue: the proposals assigned to them, with progress, and the others they may review.</summary>
public class IndexModel(AppDbContext db, ConferenceContext conferences, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string Title, string Track, string Format, bool Assigned, bool Scored);

    public ReviewSettings Settings { get; private set; } = null!;
    public bool IsOpen { get; private set; }
    public IReadOnlyList<Row> Queue { get; private set; } = [];
    public IReadOnlyList<Row> Others { get; private set; } = [];
    public Core.Conference.ConferenceEvent Conference { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        if (conference is null)
        {
            // No conference yet: an empty queue, not an error.
            Settings = ReviewSettings.CreateDefault(0);
            return Page();
        }
        Conference = conference;
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Settings = await db.ReviewSettingsAsync(conference.Id, ct);
        IsOpen = Settings.IsOpenAt(time.GetUtcNow().UtcDateTime);
        var company = await db.ReviewerCompanyAsync(me, ct);
        var rows = await db.ReviewableBy(me, company).AsNoTracking()
            .Where(p => p.ConferenceEventId == conference.Id)
            .OrderBy(p => p.Id)
            .Select(p => new Row(p.Id, p.Title, p.Track!.Name, p.Format!.Name,
                db.ReviewAssignments.Any(a => a.ProposalId == p.Id && a.ReviewerUserId == me),
                db.ProposalReviews.Any(r => r.ProposalId == p.Id && r.ReviewerUserId == me)))
            .ToListAsync(ct);
        Queue = rows.Where(r => r.Assigned).ToList();
        Others = rows.Where(r => !r.Assigned).ToList();
        return Page();
    }
}

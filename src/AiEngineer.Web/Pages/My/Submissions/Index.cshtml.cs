using System.Security.Claims;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Data;
using AiEngineer.Web.Pages.Cfp;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.My.Submissions;

/// <summary>Every proposal the signed-in speaker is on, with its state.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string Title, ProposalState State, string Format, int Minutes, string Track, DateTime UpdatedAt, int Speakers, bool Primary);

    public IReadOnlyList<Row> Proposals { get; private set; } = [];
    public bool HasProfile { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Proposals = await db.ProposalsOf(me)
            .OrderByDescending(p => p.UpdatedAt)
            .Select(p => new Row(p.Id, p.Title, p.State, p.Format!.Name, p.Format.DurationMinutes, p.Track!.Name, p.UpdatedAt,
                p.Speakers.Count, p.Speakers.Any(s => s.UserId == me && s.IsPrimary)))
            .ToListAsync(ct);
        HasProfile = await db.SpeakerProfiles.AnyAsync(p => p.UserId == me, ct);
    }
}

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

namespace AiEngineer.Web.Pages.My.Agenda;

/// <summary>
/// Stars or unstars one published session. POST sets the star to the state asked for (so sending it twice changes
/// nothing) and answers JSON to agenda.js or redirects back. GET only asks: it is where an anonymous visitor's star
/// lands after signing in (the folder's sign-in keeps this address as the return URL), and a GET never stars.
/// </summary>
public class StarModel(AppDbContext db, ConferenceContext conferences, ProgramStore store, TimeProvider time) : PageModel
{
    public ConferenceEvent Conference { get; private set; } = null!;
    public PublishedSession? Session { get; private set; }
    public bool Starred { get; private set; }

    /// <summary>The state asked for: true stars, false removes the star.</summary>
    [BindProperty] public bool Star { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string Back => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/my/agenda";

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(int proposalId, CancellationToken ct)
    {
        if (!await LoadAsync(proposalId, ct) || Session is null) return NotFound();
        Starred = await db.SessionStars.AnyAsync(s => s.UserId == Me && s.ProposalId == proposalId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int proposalId, CancellationToken ct)
    {
        if (!await LoadAsync(proposalId, ct)) return NotFound();
        var me = Me;
        if (Star)
        {
            // Only a session of the published program; removing a star works for one that has left it too.
            if (Session is null) return NotFound();
            if (!await db.SessionStars.AnyAsync(s => s.UserId == me && s.ProposalId == proposalId, ct))
            {
                db.SessionStars.Add(SessionStar.On(me, Session, time.GetUtcNow().UtcDateTime));
                try { await db.SaveChangesAsync(ct); }
                catch (DbUpdateException)
                {
                    // A second tab starred it at the same moment: the star is there, which is what was asked.
                    if (!await db.SessionStars.AsNoTracking().AnyAsync(s => s.UserId == me && s.ProposalId == proposalId, ct)) throw;
                }
            }
        }
        else
        {
            await db.SessionStars.Where(s => s.UserId == me && s.ProposalId == proposalId).ExecuteDeleteAsync(ct);
        }
        if (Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true))
            return new JsonResult(new { starred = Star });
        return LocalRedirect(Back);
    }

    private async Task<bool> LoadAsync(int proposalId, CancellationToken ct)
    {
        if (await conferences.GetAsync(ct) is not { } c) return false;
        Conference = c;
        Session = (await store.GetAsync(c, ct))?.Sessions.FirstOrDefault(s => s.ProposalId == proposalId);
        return true;
    }
}

using AiEngineer.Web.Infrastructure.Email;
using System.Security.Claims;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Cfp;

/// <summary>
/// The link in a co-speaker invitation. Anyone holding it sees which proposal it is for; accepting needs an
/// account, so a visitor signs in or registers and comes back here.
/// </summary>
public class InvitationModel(AppDbContext db, TimeProvider time, EmailTemplates templates, Microsoft.Extensions.Options.IOptionsMonitor<AiEngineer.Web.Infrastructure.Site.SiteOptions> site,
    Microsoft.Extensions.Localization.IStringLocalizer<CfpText> T, Shared.RuleMessages rules) : PageModel
{
    public string? Title { get; private set; }
    public string? InvitedEmail { get; private set; }
    public string? Problem { get; private set; }
    public bool SignedIn => User.Identity?.IsAuthenticated == true;
    public string ReturnUrl => Request.Path;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var (proposal, invitation) = await FindAsync(token, ct);
        if (proposal is null || invitation is null) return NotFound();
        Title = proposal.Title;
        InvitedEmail = invitation.Email;
        if (!invitation.IsPendingAt(time.GetUtcNow().UtcDateTime))
            Problem = invitation.RevokedAt is not null ? T["This invitation was withdrawn by the speaker."]
                : invitation.AcceptedAt is not null ? T["This invitation has already been accepted."]
                : T["This invitation has expired; ask the speaker for a new one."];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!SignedIn) return Challenge();
        var (proposal, invitation) = await FindAsync(token, ct);
        if (proposal is null || invitation is null) return NotFound();
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        try
        {
            proposal.AcceptInvitation(invitation, me, time.GetUtcNow().UtcDateTime);
        }
        catch (CfpRuleException ex)
        {
            Title = proposal.Title;
            InvitedEmail = invitation.Email;
            Problem = rules[ex];
            return Page();
        }
        var joinedName = await db.Users.Where(u => u.Id == me).Select(u => u.DisplayName ?? u.Email).FirstAsync(ct);
        var link = site.CurrentValue.Link($"/my/submissions/{proposal.Id}");
        await ProposalEmails.QueueCoSpeakerJoinedAsync(db, templates, proposal, me, joinedName ?? "Your co-speaker", link, time.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = T["You are now a speaker on this proposal. Fill in your speaker profile so reviewers know who you are."].Value;
        return RedirectToPage("/My/Submissions/Details", new { id = proposal.Id });
    }

    private async Task<(Proposal?, CoSpeakerInvitation?)> FindAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return (null, null);
        var hash = CoSpeakerInvitation.Hash(token);
        var proposal = await db.Proposals.Include(p => p.Speakers).Include(p => p.Invitations)
            .FirstOrDefaultAsync(p => p.Invitations.Any(i => i.TokenHash == hash), ct);
        return (proposal, proposal?.Invitations.First(i => i.TokenHash == hash));
    }
}

using AiEngineer.Web.Infrastructure.Email;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Infrastructure.Tickets;
using AiEngineer.Web.Pages.Cfp;
using AiEngineer.Web.Pages.Feedback;
using AiEngineer.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.My.Submissions;

/// <summary>One proposal the speaker is on: what was written, who is on it, invitations, withdrawing, its history.</summary>
public class DetailsModel(AppDbContext db, ConferenceContext conferences, TimeProvider time, SpeakerTickets speakerTickets, EmailTemplates templates, Microsoft.Extensions.Options.IOptionsMonitor<AiEngineer.Web.Infrastructure.Site.SiteOptions> site,
    Microsoft.Extensions.Localization.IStringLocalizer<MyText> T, Shared.RuleMessages rules, Schedule.ProgramStore store) : PageModel
{
    public sealed record Person(string UserId, string Name, string? Email, bool Primary);

    public Proposal Proposal { get; private set; } = null!;
    public ConferenceEvent Conference { get; private set; } = null!;
    public SessionFormat Format { get; private set; } = null!;
    public SubmissionWindow Window { get; private set; }
    public IReadOnlyList<Person> Speakers { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public DateTime Now { get; private set; }
    /// <summary>The session as the published program has it, when this proposal is on it.</summary>
    public Core.Schedule.PublishedSession? Session { get; private set; }
    /// <summary>What ticket holders said about the session (anonymous); shown once it is on the program.</summary>
    public Feedback.SessionFeedbackView? Feedback { get; private set; }

    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    [BindProperty, EmailAddress(ErrorMessage = "Please enter a valid email address."), Required(ErrorMessage = "Please enter the co-speaker's email address.")]
    [StringLength(CoSpeakerInvitation.EmailMaxLength, ErrorMessage = "The email address can be at most {1} characters.")]
    [Display(Name = "Co-speaker's email")]
    public string? InviteEmail { get; set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Session = (await store.GetAsync(Conference, ct))?.Sessions.FirstOrDefault(s => s.ProposalId == id);
        if (Session is not null)
        {
            // Ownership in the query too: only feedback on sessions this speaker is on.
            Feedback = (await db.FeedbackOnSessionsOf(Me).Where(f => f.ProposalId == id).ViewsAsync(ct)).GetValueOrDefault(id, SessionFeedbackView.Empty);
        }
        return Page();
    }

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, () => Proposal.Withdraw(Me, Now), T["Your proposal is withdrawn."], notify: true, ct);

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var email = InviteEmail!.Trim();
        if (Speakers.Any(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(nameof(InviteEmail), T["{0} is already a speaker on this proposal.", email]);
            return Page();
        }
        string token;
        try
        {
            (_, token) = Proposal.InviteCoSpeaker(email, Me, Format.MaxCoSpeakers, Now);
        }
        catch (CfpRuleException ex)
        {
            ModelState.AddModelError(nameof(InviteEmail), rules[ex]);
            return Page();
        }
        var link = site.CurrentValue.Link($"/cfp/invitations/{Uri.EscapeDataString(token)}");
        db.OutboundEmails.Add(ProposalEmails.Invitation(templates, email, Names.GetValueOrDefault(Me, "A speaker"), Proposal.Title, link, Now));
        await db.SaveChangesAsync(ct);
        Message = T["Invitation sent to {0}.", email];
        return RedirectToPage(new { id });
    }

    /// <summary>When an accepted speaker must answer by (UTC), from the review settings; null when not set.</summary>
    public DateTime? ConfirmBy { get; private set; }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct)
    {
        var result = await ChangeAsync(id, () => Proposal.Answer(true, Me, Now, ConfirmBy), T["Thank you for confirming! Your speaker ticket is on its way."], notify: true, ct);
        if (Proposal?.State == ProposalState.Confirmed) await speakerTickets.IssueAsync(id, Me, ct);
        return result;
    }

    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, () => Proposal.Answer(false, Me, Now, ConfirmBy), T["You have declined. Thank you for letting us know."], notify: true, ct);

    public Task<IActionResult> OnPostRevokeAsync(int id, int invitationId, CancellationToken ct) =>
        ChangeAsync(id, () => Proposal.RevokeInvitation(invitationId, Now), T["The invitation is revoked; its link no longer works."], notify: false, ct);

    /// <summary>Loads the proposal, applies one rule, saves (with the state-change email when asked) and says what happened.</summary>
    private async Task<IActionResult> ChangeAsync(int id, Action change, string done, bool notify, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            change();
        }
        catch (CfpRuleException ex)
        {
            Problem = rules[ex];
            return RedirectToPage(new { id });
        }
        // Every speaker on the proposal gets a record by email, co-speakers included.
        if (notify) await ProposalEmails.QueueStateChangeAsync(db, templates, Proposal, Link(id), Now, ct);
        await db.SaveChangesAsync(ct);
        Message = done;
        return RedirectToPage(new { id });
    }

    private string Link(int id) => site.CurrentValue.Link($"/my/submissions/{id}");

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Now = time.GetUtcNow().UtcDateTime;
        var proposal = await db.ProposalsOf(Me).AsSplitQuery()
            .Include(p => p.Speakers).Include(p => p.Invitations).Include(p => p.StateChanges).Include(p => p.Format).Include(p => p.Track)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        var conference = await conferences.GetAsync(ct);
        if (proposal is null || conference is null) return false;
        var call = await db.CallForPapersAsync(conference.Id, ct);
        if (call is null) return false;
        (Proposal, Conference, Format) = (proposal, conference, proposal.Format!);
        Window = SubmissionWindow.For(call, Format, false);
        ConfirmBy = await db.ReviewSettings.Where(r => r.ConferenceEventId == conference.Id).Select(r => r.ConfirmBy).FirstOrDefaultAsync(ct);

        // Only speakers are named; decisions show as the organizers', so no reviewer or organizer name reaches a speaker.
        var ids = proposal.Speakers.Select(s => s.UserId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, Name = db.SpeakerProfiles.Where(sp => sp.UserId == u.Id).Select(sp => sp.DisplayName).FirstOrDefault() ?? u.DisplayName ?? u.Email })
            .ToListAsync(ct);
        Names = people.ToDictionary(p => p.Id, p => p.Name ?? "");
        Speakers = proposal.Speakers.OrderByDescending(s => s.IsPrimary).ThenBy(s => s.JoinedAt)
            .Select(s => new Person(s.UserId, Names.GetValueOrDefault(s.UserId, T["Speaker"].Value), people.FirstOrDefault(p => p.Id == s.UserId)?.Email, s.IsPrimary)).ToList();
        return true;
    }
}

using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AiEngineer.Core.Data;
using AiEngineer.Core.Review;
using AiEngineer.Web.Infrastructure.Email;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Review;

/// <summary>Decision notifications: edit the templates, read and edit each draft, then send (which puts them in the outbox).</summary>
public class NotificationsModel(AppDbContext db, ConferenceContext conferences, TimeProvider time, OutboxSignal outbox, EmailTemplates templates,
    Microsoft.Extensions.Localization.IStringLocalizer<AdminText> T) : PageModel
{
    public sealed class TextInput
    {
        public int Id { get; set; }
        public DecisionKind Kind { get; set; }
        [Display(Name = "Subject"), Required(ErrorMessage = "A subject is required.")]
        [StringLength(DecisionNotification.SubjectMaxLength, ErrorMessage = "The subject can be at most {1} characters.")]
        public string Subject { get; set; } = "";
        [Display(Name = "Message"), Required(ErrorMessage = "A message is required.")]
        [StringLength(DecisionNotification.BodyMaxLength, ErrorMessage = "The message can be at most {1} characters.")]
        public string Body { get; set; } = "";
    }

    public IReadOnlyList<(DecisionNotification Draft, string Title)> Drafts { get; private set; } = [];
    public int SentCount { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync([FromForm(Name = "Draft")] TextInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        var draft = await db.DecisionNotifications.FirstOrDefaultAsync(n => n.Id == input.Id && n.SentAt == null, ct);
        if (draft is null) return NotFound();
        draft.Subject = input.Subject.Trim();
        draft.Body = input.Body.Trim();
        await db.SaveChangesAsync(ct);
        Message = T["The draft to {0} is saved.", draft.ToEmail];
        return RedirectToPage();
    }

    /// <summary>Drops an unsent draft: the decision stands, and the speaker is told some other way (or later, by a new decision).</summary>
    public async Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken ct)
    {
        var draft = await db.DecisionNotifications.FirstOrDefaultAsync(n => n.Id == id && n.SentAt == null, ct);
        if (draft is null) return NotFound();
        db.DecisionNotifications.Remove(draft);
        await db.SaveChangesAsync(ct);
        Message = T["The draft to {0} is discarded; nothing was sent.", draft.ToEmail];
        return RedirectToPage();
    }

    /// <summary>Sends the chosen drafts (all when none is chosen): each becomes an outbox row in the same save that marks it sent.</summary>
    public async Task<IActionResult> OnPostSendAsync(List<int> ids, CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = time.GetUtcNow().UtcDateTime;
        var query = db.DecisionNotifications.Where(n => n.SentAt == null);
        if (ids.Count > 0) query = query.Where(n => ids.Contains(n.Id));
        var drafts = await query.ToListAsync(ct);
        var recipients = drafts.Select(d => d.ToUserId).Distinct().ToList();
        var languages = await db.Users.AsNoTracking().Where(u => recipients.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Language, ct);
        foreach (var d in drafts)
        {
            d.MarkSent(me, now);
            using var language = templates.In(languages.GetValueOrDefault(d.ToUserId)); // the layout around the draft, in the speaker's language
            db.OutboundEmails.Add(EmailComposer.Compose(d.ToEmail, null, d.Subject, templates.RenderMarkdown(d.Body),
                DecisionNotification.EmailKindOf(d.Kind), now, templates.ConferenceName()));
        }
        await db.SaveChangesAsync(ct);
        outbox.Notify();
        Message = drafts.Count == 1 ? T["1 notification sent."] : T["{0} notifications sent.", drafts.Count];
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return false;
        var drafts = await db.DecisionNotifications.AsNoTracking().Where(n => n.SentAt == null).OrderBy(n => n.Id)
            .Select(n => new { n, Title = db.Proposals.Where(p => p.Id == n.ProposalId).Select(p => p.Title).First() }).ToListAsync(ct);
        Drafts = drafts.Select(d => (d.n, d.Title)).ToList();
        SentCount = await db.DecisionNotifications.CountAsync(n => n.SentAt != null, ct);
        return true;
    }
}

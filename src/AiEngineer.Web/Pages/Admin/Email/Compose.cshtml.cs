using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Security.Claims;
using AiEngineer.Core.Data;
using AiEngineer.Core.Email;
using AiEngineer.Web.Infrastructure.Email;
using AiEngineer.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Pages.Admin.Email;

/// <summary>
/// One message to a segment. Each recipient gets an outbox row, saved in one go with the broadcast; the rows fall due
/// at Email:Outbox:BroadcastPerMinute, so the worker sends them at that rate. The form carries a key: submitting it
/// twice (a double click, a reload) finds the first broadcast and queues nothing more.
/// </summary>
public class ComposeModel(AppDbContext db, EmailTemplates templates, TimeProvider time, OutboxSignal outbox, IOptionsMonitor<EmailOptions> options,
    Microsoft.Extensions.Localization.IStringLocalizer<AdminEmailText> T, Microsoft.Extensions.Localization.IStringLocalizer<StatusText> L,
    RuleMessages rules) : PageModel
{
    public sealed class InputModel
    {
        public Guid Key { get; set; }
        [Display(Name = "To")] public Segment Segment { get; set; }
        [Display(Name = "Subject"), Required(ErrorMessage = "A subject is required.")]
        [StringLength(Broadcast.SubjectMaxLength, ErrorMessage = "The subject can be at most {1} characters.")]
        public string Subject { get; set; } = "";
        [Display(Name = "Message"), Required(ErrorMessage = "A message is required.")]
        [StringLength(Broadcast.BodyMaxLength, ErrorMessage = "The message can be at most {1} characters.")]
        public string Body { get; set; } = "";
    }

    public sealed record Progress(Broadcast Broadcast, int Sent, int Waiting, int Failed);

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyDictionary<Segment, int> Counts { get; private set; } = new Dictionary<Segment, int>();
    public IReadOnlyList<Progress> Recent { get; private set; } = [];
    public int PerMinute => Math.Max(1, options.CurrentValue.Outbox.BroadcastPerMinute);
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new InputModel { Key = Guid.NewGuid(), Body = T["Hi {name},"] + "\n\n" };
        await LoadAsync(ct);
    }

    /// <summary>The message in the form, for the preview frame, as the first recipient of the segment would get it.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        var first = (await Segments.RecipientsAsync(db, Input.Segment, ct)).FirstOrDefault();
        var values = new Dictionary<string, string> { ["name"] = first?.Name ?? first?.Email ?? EmailCatalog.Broadcast.Placeholders[0].Sample };
        var rendered = templates.Render(EmailCatalog.Broadcast, Input.Subject ?? "", Input.Body ?? "", values);
        var problems = EmailTemplate.Validate(EmailCatalog.Broadcast, Input.Subject ?? "", Input.Body ?? "");
        return EmailPreview.Document(Response, rendered.Subject, EmailComposer.Layout(rendered.Subject, rendered.BodyHtml, templates.ConferenceName()), problems.Select(p => rules[p]).ToList(),
            new(T["This cannot be saved or sent yet:"], T["Subject:"]));
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        if (ModelState.GetFieldValidationState("Input.Segment") == ModelValidationState.Invalid || !Enum.IsDefined(Input.Segment))
        {
            ModelState.Remove("Input.Segment");
            ModelState.AddModelError("Input.Segment", T["Choose who the message goes to."]);
        }
        if (Input.Key == Guid.Empty) ModelState.AddModelError(string.Empty, T["The form is out of date; reload the page and write the message again."]);
        var subject = (Input.Subject ?? "").Trim();
        var body = (Input.Body ?? "").Trim().ReplaceLineEndings("\n");
        if (ModelState.IsValid)
            foreach (var problem in EmailTemplate.Validate(EmailCatalog.Broadcast, subject, body))
                ModelState.AddModelError(string.Empty, rules[problem]);
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }

        var earlier = await db.Broadcasts.AsNoTracking().FirstOrDefaultAsync(b => b.Key == Input.Key, ct);
        if (earlier is not null) return Sent(earlier, again: true);

        var recipients = await Segments.RecipientsAsync(db, Input.Segment, ct);
        if (recipients.Count == 0 || recipients.Count > Broadcast.MaxRecipients)
        {
            ModelState.AddModelError(string.Empty, recipients.Count == 0
                ? T["Nobody is in “{0}” yet; nothing was sent.", L.Label(Input.Segment)]
                : T["“{0}” has {1} people, more than the {2} one message may go to.", L.Label(Input.Segment), recipients.Count, Broadcast.MaxRecipients]);
            await LoadAsync(ct);
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var broadcast = new Broadcast
        {
            Key = Input.Key, Segment = Input.Segment, Subject = subject, Body = body, RecipientCount = recipients.Count,
            CreatedAt = now, CreatedByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier)!,
            LastDueAt = Broadcast.DueAt(now, recipients.Count - 1, PerMinute),
        };
        db.Broadcasts.Add(broadcast);
        for (var i = 0; i < recipients.Count; i++)
        {
            var r = recipients[i];
            var rendered = templates.Render(EmailCatalog.Broadcast, subject, body, new Dictionary<string, string> { ["name"] = r.Name ?? r.Email });
            db.OutboundEmails.Add(EmailComposer.Compose(r.Email, r.Name, rendered.Subject, rendered.BodyHtml, EmailCatalog.Broadcast.Kind, now, templates.ConferenceName())
                .PartOf(broadcast, Broadcast.DueAt(now, i, PerMinute)));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same form, submitted twice at once: the other request queued it (the key is unique).
            db.ChangeTracker.Clear();
            var raced = await db.Broadcasts.AsNoTracking().FirstOrDefaultAsync(b => b.Key == Input.Key, ct);
            if (raced is null) throw;
            return Sent(raced, again: true);
        }
        outbox.Notify();
        return Sent(broadcast, again: false);
    }

    private RedirectToPageResult Sent(Broadcast b, bool again)
    {
        Message = again
            ? T["This message was already queued for {0} people; nothing more was sent.", b.RecipientCount]
            : b.RecipientCount == 1
                ? T["Queued for 1 person in “{0}”. At {1} a minute the last leaves by {2:HH:mm} UTC.", L.Label(b.Segment), PerMinute, b.LastDueAt]
                : T["Queued for {3} people in “{0}”. At {1} a minute the last leaves by {2:HH:mm} UTC.", L.Label(b.Segment), PerMinute, b.LastDueAt, b.RecipientCount];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var counts = new Dictionary<Segment, int>();
        foreach (var s in Enum.GetValues<Segment>()) counts[s] = (await Segments.RecipientsAsync(db, s, ct)).Count;
        Counts = counts;
        var recent = await db.Broadcasts.AsNoTracking().OrderByDescending(b => b.Id).Take(10).ToListAsync(ct);
        var ids = recent.Select(b => b.Id).ToList();
        var tally = await db.OutboundEmails.Where(e => e.BroadcastId != null && ids.Contains(e.BroadcastId.Value))
            .GroupBy(e => new { e.BroadcastId, e.Status }).Select(g => new { g.Key.BroadcastId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Count(int id, params OutboundEmailStatus[] s) => tally.Where(t => t.BroadcastId == id && s.Contains(t.Status)).Sum(t => t.Count);
        Recent = recent.Select(b => new Progress(b, Count(b.Id, OutboundEmailStatus.Sent),
            Count(b.Id, OutboundEmailStatus.Queued, OutboundEmailStatus.Sending), Count(b.Id, OutboundEmailStatus.Failed))).ToList();
    }
}

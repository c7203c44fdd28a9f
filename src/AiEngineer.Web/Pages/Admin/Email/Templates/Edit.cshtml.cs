using System.Security.Claims;
using AiEngineer.Core.Data;
using AiEngineer.Core.Email;
using AiEngineer.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Email.Templates;

/// <summary>
/// Rewords one kind of message. The preview renders the wording with sample values in a sandboxed frame: the
/// saved wording on load, the wording in the form when "Preview" posts the form into the frame.
/// </summary>
public class EditModel(AppDbContext db, EmailTemplates templates, TimeProvider time, OutboxSignal outbox, Infrastructure.Localization.TranslationForm languages,
    Microsoft.Extensions.Localization.IStringLocalizer<AdminEmailTemplatesText> T, Shared.RuleMessages rules) : PageModel
{
    public sealed class InputModel
    {
        public string Subject { get; set; } = "";
        public string Body { get; set; } = "";
    }

    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "";
    /// <summary>The language whose wording is edited (?lang=zh-Hans); English when absent or unknown.</summary>
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }
    public string Language { get; private set; } = "en";
    public bool IsDefaultLanguage => Language == templates.DefaultLanguage;
    /// <summary>Every language with its culture name, the default first.</summary>
    public IReadOnlyList<System.Globalization.CultureInfo> Languages =>
        [System.Globalization.CultureInfo.GetCultureInfo(templates.DefaultLanguage), .. languages.Languages];
    [BindProperty] public InputModel Input { get; set; } = new();
    public EmailKind Definition { get; private set; } = null!;
    public EmailTemplate? Saved { get; private set; }
    [TempData] public string? Message { get; set; }

    public IActionResult OnGet()
    {
        if (!Load()) return NotFound();
        var (subject, body, _) = templates.Current(Definition, Language);
        Input = new InputModel { Subject = subject, Body = body };
        return Page();
    }

    /// <summary>The wording in force, filled with sample values, as a document for the preview frame.</summary>
    public IActionResult OnGetPreview()
    {
        if (!Load()) return NotFound();
        var (subject, body, _) = templates.Current(Definition, Language);
        return Preview(subject, body, []);
    }

    /// <summary>The wording in the form, unsaved, for the preview frame (the form posts here with formtarget).</summary>
    public IActionResult OnPostPreview()
    {
        if (!Load()) return NotFound();
        return Preview(Input.Subject ?? "", Input.Body ?? "", EmailTemplate.Validate(Definition, Input.Subject ?? "", Input.Body ?? ""));
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!Load()) return NotFound();
        var subject = (Input.Subject ?? "").Trim();
        var body = (Input.Body ?? "").Trim().ReplaceLineEndings("\n");
        // A translation saved empty sends the English wording to readers of that language.
        var problems = !IsDefaultLanguage && subject.Length == 0 && body.Length == 0 ? [] : EmailTemplate.Validate(Definition, subject, body);
        if (problems.Count > 0)
        {
            ModelState.Clear();
            foreach (var p in problems) ModelState.AddModelError(string.Empty, rules[p]);
            return Page();
        }
        var template = await db.EmailTemplates.FirstOrDefaultAsync(t => t.Kind == Definition.Kind && t.Language == Language, ct);
        if (template is null) db.EmailTemplates.Add(template = new EmailTemplate { Kind = Definition.Kind, Language = Language });
        template.Subject = subject;
        template.Body = body;
        template.UpdatedAt = time.GetUtcNow().UtcDateTime;
        template.UpdatedByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another organizer saved the first wording of this kind at the same moment.
            ModelState.AddModelError(string.Empty, T["Someone else saved this template a moment ago. Look at it again and save once more."]);
            return Page();
        }
        Message = subject.Length == 0 ? T["“{0}” has no {1} wording now: readers of {1} get the English.", T[Definition.Name], LanguageName]
            : T["“{0}” is saved. The next message of this kind uses it.", T[Definition.Name]];
        return RedirectToPage(new { kind = Definition.Kind, lang = Lang });
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (!Load()) return NotFound();
        var template = await db.EmailTemplates.FirstOrDefaultAsync(t => t.Kind == Definition.Kind && t.Language == Language, ct);
        if (template is not null)
        {
            db.EmailTemplates.Remove(template);
            await db.SaveChangesAsync(ct);
        }
        Message = T["“{0}” is back to the default wording.", T[Definition.Name]];
        return RedirectToPage(new { kind = Definition.Kind, lang = Lang });
    }

    /// <summary>Sends the wording in force, with sample values, to the organizer's own address.</summary>
    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        if (!Load()) return NotFound();
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var email = await db.Users.Where(u => u.Id == me).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (email is null) return NotFound();
        using (templates.In(Language))
        {
            var (subject, body, _) = templates.Current(Definition, Language);
            var rendered = templates.Render(Definition, subject, body, EmailTemplates.Samples(Definition));
            db.OutboundEmails.Add(EmailComposer.Compose(email, null, "[Test] " + rendered.Subject, rendered.BodyHtml, Definition.Kind, time.GetUtcNow().UtcDateTime, templates.ConferenceName()));
        }
        await db.SaveChangesAsync(ct);
        outbox.Notify();
        Message = T["A test with sample values is on its way to {0}.", email];
        return RedirectToPage(new { kind = Definition.Kind, lang = Lang });
    }

    private bool Load()
    {
        if (EmailCatalog.Find(Kind) is not { } definition) return false;
        Definition = definition;
        Language = Languages.FirstOrDefault(l => string.Equals(l.Name, Lang, StringComparison.OrdinalIgnoreCase))?.Name ?? templates.DefaultLanguage;
        Lang = IsDefaultLanguage ? null : Language;
        Saved = db.EmailTemplates.AsNoTracking().FirstOrDefault(t => t.Kind == definition.Kind && t.Language == Language);
        return true;
    }

    public string LanguageName => Infrastructure.Localization.Languages.Label(System.Globalization.CultureInfo.GetCultureInfo(Language));

    private ContentResult Preview(string subject, string body, IReadOnlyList<Core.Messages.Problem> problems)
    {
        // In the organizer's language, before switching to the template's.
        var said = problems.Select(p => rules[p]).ToList();
        var labels = new EmailPreview.Labels(T["This cannot be saved or sent yet:"], T["Subject:"]);
        using var language = templates.In(Language);
        var rendered = templates.Render(Definition, subject, body, EmailTemplates.Samples(Definition));
        return EmailPreview.Document(Response, rendered.Subject, EmailComposer.Layout(rendered.Subject, rendered.BodyHtml, templates.ConferenceName()), said, labels);
    }
}

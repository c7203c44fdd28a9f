using AiEngineer.Core.Data;
using AiEngineer.Core.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Email;

/// <summary>One message: its headers, the rendered HTML (sandboxed) and text, and retry or cancel where the rules allow.</summary>
public class MessageModel(AppDbContext db, TimeProvider time, Microsoft.Extensions.Localization.IStringLocalizer<AdminEmailText> T,
    Shared.RuleMessages rules) : PageModel
{
    public OutboundEmail Email { get; private set; } = null!;
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var email = await db.OutboundEmails.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (email is null) return NotFound();
        Email = email;
        return Page();
    }

    /// <summary>The HTML body on its own, for the page's sandboxed frame: no script runs, nothing is fetched but images.</summary>
    public async Task<IActionResult> OnGetHtmlAsync(long id, CancellationToken ct)
    {
        var html = await db.OutboundEmails.AsNoTracking().Where(e => e.Id == id).Select(e => e.HtmlBody).FirstOrDefaultAsync(ct);
        if (html is null) return NotFound();
        return Infrastructure.Email.EmailPreview.Document(Response, null, html, []);
    }

    public Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct) =>
        ChangeAsync(id, e => e.Retry(time.GetUtcNow().UtcDateTime), T["Queued again; the worker sends it within seconds."], ct);

    public Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct) =>
        ChangeAsync(id, e => e.Cancel(), T["Cancelled; it will not be sent."], ct);

    private async Task<IActionResult> ChangeAsync(long id, Action<OutboundEmail> change, string done, CancellationToken ct)
    {
        var email = await db.OutboundEmails.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (email is null) return NotFound();
        try
        {
            change(email);
            await db.SaveChangesAsync(ct);
            Message = done;
        }
        catch (Core.Messages.RuleException ex)
        {
            Problem = rules[ex];
        }
        catch (DbUpdateConcurrencyException)
        {
            // The worker claimed it in the meantime.
            Problem = T["The worker picked this message up a moment ago; look again."];
        }
        return RedirectToPage(new { id });
    }
}

using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Data;
using AiEngineer.Core.Sponsors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Sponsors;

/// <summary>One sponsorship: approve or reject with a message (emailed), mark the invoice paid, approve a new logo, keep notes.</summary>
public class DetailModel(AppDbContext db, SponsorSales sales, TimeProvider time, Microsoft.Extensions.Localization.IStringLocalizer<AdminSponsorsText> T,
    Shared.RuleMessages rules) : PageModel
{
    public Sponsorship Sponsor { get; private set; } = null!;
    [BindProperty, Display(Name = "Message to the contact"), StringLength(Sponsorship.MessageMaxLength)] public string? Message { get; set; }
    [BindProperty, Display(Name = "Notes"), StringLength(Sponsorship.MessageMaxLength)] public string? Notes { get; set; }
    private string Actor => User.Identity?.Name ?? "organizer";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var s = await db.Sponsorships.AsNoTracking().Include(x => x.Tier).Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound();
        Sponsor = s;
        Notes = s.OrganizerNotes;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        Done(id, ModelState.IsValid ? Say(await sales.ApproveAsync(id, Message?.Trim() ?? "", Actor, ct)) : T["The message is too long."], T["Approved; the contact was emailed."]);

    public async Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) =>
        Done(id, string.IsNullOrWhiteSpace(Message) ? T["Write a message saying why."] : ModelState.IsValid ? Say(await sales.RejectAsync(id, Message.Trim(), Actor, ct)) : T["The message is too long."],
            T["Rejected; the slot was released and the contact emailed."]);

    public async Task<IActionResult> OnPostMarkPaidAsync(int id, CancellationToken ct) =>
        Done(id, Say(await sales.MarkPaidAsync(id, new SponsorPayment(SponsorPayment.Invoice), Actor, ct)), T["Marked paid; the sponsor is live."]);

    public async Task<IActionResult> OnPostApproveLogoAsync(int id, CancellationToken ct)
    {
        var s = await db.Sponsorships.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound();
        if (s.PendingLogoId is null) return Done(id, T["There is no new logo to approve."], "");
        s.LogoId = s.PendingLogoId;
        s.PendingLogoId = null;
        s.Log("New logo approved", time.GetUtcNow().UtcDateTime, Actor);
        await db.SaveChangesAsync(ct);
        return Done(id, null, T["The new logo is live."]);
    }

    public async Task<IActionResult> OnPostNotesAsync(int id, CancellationToken ct)
    {
        var s = await db.Sponsorships.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound();
        if (!ModelState.IsValid) return Done(id, T["The notes are too long."], "");
        s.OrganizerNotes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        await db.SaveChangesAsync(ct);
        return Done(id, null, T["Notes saved."]);
    }

    private string? Say(Core.Messages.Problem? problem) => problem is null ? null : rules[problem];

    private IActionResult Done(int id, string? error, string message)
    {
        if (error is null) TempData["AdminMessage"] = message; else TempData["AdminError"] = error;
        return Redirect($"/admin/sponsors/{id}");
    }
}

using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Tickets;

/// <summary>Joining the waitlist of a sold-out ticket type.</summary>
public class WaitlistModel(AppDbContext db, TimeProvider time, Infrastructure.Site.ConferenceContext conferences,
    Microsoft.Extensions.Localization.IStringLocalizer<TicketsText> T) : PageModel
{
    public TicketType Type { get; private set; } = null!;
    public int? Position { get; private set; }
    [BindProperty, Display(Name = "Name"), Required(ErrorMessage = "Enter your name."), StringLength(WaitlistEntry.NameMaxLength)] public string Name { get; set; } = "";
    [BindProperty, Display(Name = "Email"), Required(ErrorMessage = "Enter your email."), EmailAddress, StringLength(WaitlistEntry.EmailMaxLength)] public string Email { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await conferences.IsOverAsync(ct))
            ModelState.AddModelError("", T["The summit is over: ticket sales and the waitlist have closed."]);
        else if (Type.Remaining > 0) ModelState.AddModelError("", T["{0} is on sale right now: buy it instead.", Type.Name]);
        if (!ModelState.IsValid) return Page();
        var email = Email.Trim();
        var existing = await db.WaitlistEntries.AsNoTracking().FirstOrDefaultAsync(w => w.TicketTypeId == id && w.Email == email, ct);
        if (existing is null)
        {
            db.WaitlistEntries.Add(new WaitlistEntry { TicketTypeId = id, Name = Name.Trim(), Email = email, CreatedAt = time.GetUtcNow().UtcDateTime });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); } // the same person joined twice at once: one entry stands
            existing = await db.WaitlistEntries.AsNoTracking().FirstAsync(w => w.TicketTypeId == id && w.Email == email, ct);
        }
        Position = await db.WaitlistEntries.CountAsync(w => w.TicketTypeId == id && w.OfferedAt == null && w.Id <= existing.Id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var type = await db.TicketTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && !t.Hidden, ct);
        if (type is null) return false;
        Type = type;
        return true;
    }
}

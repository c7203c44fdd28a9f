using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Checkin;

public enum ScanResult { CheckedIn, AlreadyCheckedIn, Refused }

/// <summary>
/// The door: a scan or a typed code checks a ticket in once. The check-in is one conditional UPDATE,
/// so two scanners at two doors cannot both admit the same ticket.
/// </summary>
public class IndexModel(AppDbContext db, TimeProvider time, ConferenceContext conferences,
    Microsoft.Extensions.Localization.IStringLocalizer<CheckinText> T, Microsoft.Extensions.Localization.IStringLocalizer<StatusText> L) : PageModel
{
    [BindProperty, Display(Name = "Ticket code"), Required(ErrorMessage = "Scan or type a ticket code."), StringLength(64)]
    public string Code { get; set; } = "";

    public ScanResult? Result { get; private set; }
    public string? Headline { get; private set; }
    public string? Detail { get; private set; }
    public IReadOnlyList<(string Kind, int CheckedIn, int Sold)> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await CountAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Result = ScanResult.Refused;
            Headline = T["No code"];
            Detail = T["Scan or type a ticket code."];
            await CountAsync(ct);
            return Page();
        }
        var code = Code.Trim().ToUpperInvariant();
        var now = time.GetUtcNow().UtcDateTime;
        var who = User.Identity?.Name ?? "staff";

        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Order).Include(t => t.TicketType).FirstOrDefaultAsync(t => t.Code == code, ct);
        if (ticket is null)
        {
            var voided = await db.VoidedTicketCodes.AsNoTracking().AnyAsync(v => v.Code == code, ct);
            Refuse(T["Not valid"], voided ? T["This code was replaced when the ticket was transferred to someone else."] : T["No ticket has this code."]);
        }
        else if (ticket.CancelledAt is not null || ticket.Order.Status != OrderStatus.Paid)
        {
            Refuse(T["Not valid"], ticket.Order.Status == OrderStatus.Pending ? T["Order {0} is not paid yet.", ticket.Order.Code] : T["This ticket was cancelled ({0}).", L.Label(ticket.Order.Status)]);
        }
        else
        {
            var admitted = await db.Tickets.Where(t => t.Id == ticket.Id && t.CheckedInAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.CheckedInAt, now).SetProperty(t => t.CheckedInBy, who), ct);
            if (admitted == 1)
            {
                Result = ScanResult.CheckedIn;
                Headline = ticket.AttendeeName;
                Detail = T["{0} · checked in", ticket.TicketType.Name];
            }
            else
            {
                var first = await db.Tickets.AsNoTracking().Where(t => t.Id == ticket.Id).Select(t => new { t.CheckedInAt, t.CheckedInBy }).FirstAsync(ct);
                var conference = await conferences.GetAsync(ct);
                var at = conference is null ? first.CheckedInAt!.Value.ToString("HH:mm 'UTC'") : conference.ToLocal(first.CheckedInAt!.Value).ToString("HH:mm");
                Result = ScanResult.AlreadyCheckedIn;
                Headline = ticket.AttendeeName;
                Detail = T["Already checked in at {0} by {1}.", at, first.CheckedInBy ?? ""];
            }
        }
        Code = "";
        ModelState.Clear();
        await CountAsync(ct);
        return Page();
    }

    private void Refuse(string headline, string detail)
    {
        Result = ScanResult.Refused;
        Headline = headline;
        Detail = detail;
    }

    private async Task CountAsync(CancellationToken ct)
    {
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => t.Order.Status == OrderStatus.Paid && t.CancelledAt == null)
            .GroupBy(t => t.TicketType.Kind)
            .Select(g => new { g.Key, Sold = g.Count(), In = g.Count(t => t.CheckedInAt != null) })
            .ToListAsync(ct);
        Counts = rows.OrderBy(r => r.Key).Select(r => (r.Key switch { TicketKind.InPerson => T["In person"].Value, TicketKind.Remote => T["Remote"].Value, _ => T["Add-ons"].Value }, r.In, r.Sold)).ToList();
    }
}

using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Orders;

/// <summary>Issues complimentary tickets: one free order per attendee, so each gets their own confirmation.</summary>
public class CompModel(AppDbContext db, TicketSales sales, Microsoft.Extensions.Localization.IStringLocalizer<AdminText> T,
    Shared.RuleMessages rules) : PageModel
{
    public IReadOnlyList<TicketType> Types { get; private set; } = [];
    [BindProperty] public int TicketTypeId { get; set; }
    [BindProperty, Display(Name = "Attendees"), Required(ErrorMessage = "List at least one attendee."), StringLength(20_000)] public string Attendees { get; set; } = "";
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Types = await db.TicketTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Types = await db.TicketTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        var errors = new List<string>();
        if (Types.All(t => t.Id != TicketTypeId)) errors.Add(T["Choose a ticket type."]);
        var people = new List<(string Name, string Email)>();
        foreach (var (line, n) in (Attendees ?? "").Split('\n').Select((l, i) => (l.Trim(), i + 1)).Where(x => x.Item1.Length > 0))
        {
            var parts = line.Split(',', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length is 0 or > Ticket.NameMaxLength || !MailAddress.TryCreate(parts[1], out _) || parts[1].Length > Ticket.EmailMaxLength)
                errors.Add(T["Line {0}: write “Name, email”.", n]);
            else people.Add((parts[0], parts[1]));
        }
        if (people.Count == 0 && errors.Count == 0) errors.Add(T["List at least one attendee."]);
        if (people.Count > 200) errors.Add(T["At most 200 attendees at a time."]);
        if (errors.Count > 0) { Errors = errors; return Page(); }

        // All or nothing would need one transaction across orders; instead stop at the first refusal and say what was issued.
        var issued = 0;
        foreach (var (name, email) in people)
        {
            var outcome = await sales.PlaceOrderAsync(new OrderRequest(Guid.NewGuid(),
                [new AttendeeInput(TicketTypeId, name, email, null, null, null, null, null)],
                new BuyerInput(name, email, null, null, null), null, PaymentMethod.Comp, null, User.Identity?.Name ?? "organizer"), ct);
            if (!outcome.Succeeded)
            {
                Errors = [T["Issued {0} of {1}; stopped at {2}: {3}", issued, people.Count, email, rules.Join(outcome.Errors)]];
                return Page();
            }
            issued++;
        }
        TempData["AdminMessage"] = T["Issued {0} complimentary ticket(s); each attendee was emailed.", issued].Value;
        return Redirect("/admin/orders?status=Paid");
    }
}

using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Tickets;

public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<(TicketType Type, int Sold, int Held)> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var types = await db.TicketTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        var sold = await db.Tickets.Where(t => t.Order.Status == OrderStatus.Paid && t.CancelledAt == null)
            .GroupBy(t => t.TicketTypeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Rows = types.Select(t => (t, sold.GetValueOrDefault(t.Id), t.Taken - sold.GetValueOrDefault(t.Id))).ToList();
    }
}

using AiEngineer.Core.Accounts;
using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.My.Tickets;

/// <summary>The signed-in person's orders (bought with this account or its confirmed email) and tickets in their name.</summary>
public class IndexModel(AppDbContext db, UserManager<AppUser> users) : PageModel
{
    public IReadOnlyList<Order> Orders { get; private set; } = [];
    public IReadOnlyList<Ticket> TicketsForMe { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return Challenge();
        var email = me.EmailConfirmed ? me.Email : null;
        Orders = await db.Orders.AsNoTracking().Include(o => o.Tickets).ThenInclude(t => t.TicketType)
            .Where(o => o.UserId == me.Id || (email != null && o.BuyerEmail == email))
            .OrderByDescending(o => o.Id).AsSplitQuery().ToListAsync(ct);
        var mine = Orders.Select(o => o.Id).ToHashSet();
        TicketsForMe = email is null ? [] : (await db.Tickets.AsNoTracking().Include(t => t.TicketType).Include(t => t.Order)
            .Where(t => t.AttendeeEmail == email && t.CancelledAt == null && t.Order.Status == OrderStatus.Paid).ToListAsync(ct))
            .Where(t => !mine.Contains(t.OrderId)).ToList();
        return Page();
    }
}

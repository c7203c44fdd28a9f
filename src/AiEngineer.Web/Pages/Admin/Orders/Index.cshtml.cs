using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Orders;

/// <summary>Orders, newest first, searchable by buyer or attendee name, email, order or ticket code.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;
    public IReadOnlyList<Order> Orders { get; private set; } = [];
    public string? Q { get; private set; }
    public OrderStatus? Status { get; private set; }
    public int Total { get; private set; }

    public async Task OnGetAsync(string? q, OrderStatus? status, CancellationToken ct)
    {
        Q = q?.Trim();
        Status = status;
        var query = db.Orders.AsNoTracking();
        if (status is not null) query = query.Where(o => o.Status == status);
        if (!string.IsNullOrEmpty(Q))
        {
            var like = $"%{Q.ToLower()}%";
            var upper = Q.ToUpperInvariant();
            query = query.Where(o => o.Code == upper
                || EF.Functions.Like(o.BuyerName.ToLower(), like) || EF.Functions.Like(o.BuyerEmail.ToLower(), like)
                || o.Tickets.Any(t => t.Code == upper || EF.Functions.Like(t.AttendeeName.ToLower(), like) || EF.Functions.Like(t.AttendeeEmail.ToLower(), like)));
        }
        Total = await query.CountAsync(ct);
        Orders = await query.OrderByDescending(o => o.Id).Take(PageSize).Include(o => o.Tickets).ToListAsync(ct);
    }
}

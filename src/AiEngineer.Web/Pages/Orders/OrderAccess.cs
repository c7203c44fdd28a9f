using System.Security.Cryptography;
using System.Text;
using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Orders;

/// <summary>Finds an order by its code for someone holding its secret token, or its signed-in buyer. Anyone else finds nothing.</summary>
public static class OrderAccess
{
    public static async Task<Order?> FindAsync(AppDbContext db, string code, string? token, string? userId, CancellationToken ct, bool tracked = false)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 16) return null;
        var query = db.Orders.Include(o => o.Tickets).ThenInclude(t => t.TicketType).Include(o => o.Events).AsSplitQuery();
        var order = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(o => o.Code == code, ct);
        if (order is null) return null;
        var tokenOk = token is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(order.AccessToken));
        var ownerOk = userId is not null && order.UserId == userId;
        return tokenOk || ownerOk ? order : null;
    }
}

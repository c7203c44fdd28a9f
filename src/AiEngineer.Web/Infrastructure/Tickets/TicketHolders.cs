using System.Security.Claims;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Tickets;

/// <summary>
/// Who holds a valid ticket (paid, not cancelled), for what only ticket holders may do (/live, a talk's Q&amp;A): either
/// through the ticket link in their email (<c>?ticket=CODE</c>) or signed in with a confirmed email that is on a ticket,
/// or that bought one.
/// </summary>
public sealed class TicketHolders(AppDbContext db, UserManager<AppUser> users)
{
    /// <param name="Key">Stable per person: <c>user:{id}</c> signed in, else <c>ticket:{code}</c>.</param>
    public sealed record Holder(string Key, string Name, string? UserId);

    public const int TicketCodeMaxLength = 32;

    public async Task<Holder?> FindAsync(string? ticket, ClaimsPrincipal user, CancellationToken ct)
    {
        var valid = db.Tickets.AsNoTracking().Where(t => t.CancelledAt == null && t.Order.Status == OrderStatus.Paid);
        if (await users.GetUserAsync(user) is { EmailConfirmed: true } me)
        {
            var email = me.Email!;
            if (await valid.Where(t => t.AttendeeEmail == email || t.Order.UserId == me.Id || t.Order.BuyerEmail == email)
                    .Select(t => t.AttendeeName).FirstOrDefaultAsync(ct) is { } name)
                return new Holder("user:" + me.Id, string.IsNullOrWhiteSpace(me.DisplayName) ? name : me.DisplayName!, me.Id);
        }
        if (!string.IsNullOrWhiteSpace(ticket) && ticket.Length <= TicketCodeMaxLength)
        {
            var code = ticket.Trim().ToUpperInvariant();
            if (await valid.Where(t => t.Code == code).Select(t => t.AttendeeName).FirstOrDefaultAsync(ct) is { } name)
                return new Holder("ticket:" + code, name, null);
        }
        return null;
    }

    /// <summary>The first word of a name, as shown beside a question.</summary>
    public static string FirstName(string name) => name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
}

using AiEngineer.Core.Accounts;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Live;

/// <summary>
/// The remote attendees' page: a stream per livestreamed room. Open to holders of a valid ticket, either signed in
/// (their email is on a paid ticket, or they bought it) or through the ticket link in their email (?ticket=CODE).
/// </summary>
public class IndexModel(AppDbContext db, UserManager<AppUser> users, ConferenceContext conferences) : PageModel
{
    public ConferenceEvent? Conference { get; private set; }
    public IReadOnlyList<Room> Rooms { get; private set; } = [];
    public string? Holder { get; private set; }
    public bool Allowed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? ticket, CancellationToken ct)
    {
        var valid = db.Tickets.AsNoTracking().Where(t => t.CancelledAt == null && t.Order.Status == OrderStatus.Paid);
        if (!string.IsNullOrWhiteSpace(ticket) && ticket.Length <= 32)
        {
            var code = ticket.Trim().ToUpperInvariant();
            Holder = await valid.Where(t => t.Code == code).Select(t => t.AttendeeName).FirstOrDefaultAsync(ct);
        }
        if (Holder is null && await users.GetUserAsync(User) is { EmailConfirmed: true } me)
        {
            var email = me.Email!;
            Holder = await valid.Where(t => t.AttendeeEmail == email || t.Order.UserId == me.Id || t.Order.BuyerEmail == email)
                .Select(t => t.AttendeeName).FirstOrDefaultAsync(ct);
        }
        Allowed = Holder is not null;
        if (!Allowed)
        {
            Response.StatusCode = User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            return Page();
        }
        Conference = await conferences.GetAsync(ct);
        Rooms = Conference?.Rooms.Where(r => r.Livestreamed).OrderBy(r => r.SortOrder).ToList() ?? [];
        return Page();
    }
}

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
public class IndexModel(Infrastructure.Tickets.TicketHolders holders, ConferenceContext conferences, Schedule.ProgramStore store, TimeProvider time) : PageModel
{
    public ConferenceEvent? Conference { get; private set; }
    public IReadOnlyList<Room> Rooms { get; private set; } = [];
    public string? Holder { get; private set; }
    public bool Allowed { get; private set; }
    /// <summary>The ticket code of the ticket link, carried to the talks' Q&amp;A.</summary>
    public string? Ticket { get; private set; }
    /// <summary>Per streamed room: the session on now and the next one, from the published schedule.</summary>
    public IReadOnlyDictionary<int, (Core.Schedule.PublishedSession? Now, Core.Schedule.PublishedSession? Next)> OnAir { get; private set; } =
        new Dictionary<int, (Core.Schedule.PublishedSession?, Core.Schedule.PublishedSession?)>();
    public bool Published { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? ticket, CancellationToken ct)
    {
        var holder = await holders.FindAsync(ticket, User, ct);
        Holder = holder?.Name;
        Ticket = holder?.Key.StartsWith("ticket:", StringComparison.Ordinal) == true ? holder.Key["ticket:".Length..] : null;
        Allowed = Holder is not null;
        if (!Allowed)
        {
            Response.StatusCode = User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            return Page();
        }
        Conference = await conferences.GetAsync(ct);
        Rooms = Conference?.Rooms.Where(r => r.Livestreamed).OrderBy(r => r.SortOrder).ToList() ?? [];
        if (Conference is not null && await store.GetAsync(Conference, ct) is { } program)
        {
            Published = true;
            var now = time.GetUtcNow().UtcDateTime;
            // An item for every room (lunch, a plenary keynote) is on in each streamed room.
            OnAir = Rooms.ToDictionary(r => r.Id, r =>
            {
                var here = program.Sessions.Where(s => s.RoomId == r.Id || s.RoomId == null).OrderBy(s => s.StartsAt).ToList();
                return (here.FirstOrDefault(s => s.StartsAt <= now && now < s.EndsAt), here.FirstOrDefault(s => s.StartsAt > now));
            });
        }
        return Page();
    }
}

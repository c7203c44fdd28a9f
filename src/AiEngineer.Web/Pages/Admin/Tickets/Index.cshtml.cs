using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Tickets;

/// <summary>The ticket types with their sales, and the on-sale waiting room: its switch, pace and line.</summary>
public class IndexModel(AppDbContext db, TimeProvider time, Shared.RuleMessages rules,
    Microsoft.Extensions.Localization.IStringLocalizer<AdminTicketsText> T) : PageModel
{
    public IReadOnlyList<(TicketType Type, int Sold, int Held)> Rows { get; private set; } = [];
    public WaitingRoom Room { get; private set; } = new();
    public DateTime Now { get; private set; }
    /// <summary>Places in line not admitted yet, and seen within <see cref="WaitingRoom.Gone"/>.</summary>
    public int Waiting { get; private set; }
    /// <summary>Passes admitted and still running, not used yet.</summary>
    public int Admitted { get; private set; }
    /// <summary>Passes that bought an order.</summary>
    public int Used { get; private set; }
    public string? Message { get; private set; }

    [BindProperty] public RoomInput Input { get; set; } = new();

    public sealed class RoomInput
    {
        public bool Enabled { get; set; }
        [Display(Name = "Admissions per minute"), Range(1, 100_000, ErrorMessage = "Admissions per minute must be between 1 and 100,000.")]
        public int AdmitPerMinute { get; set; } = 600;
        [Display(Name = "Minutes to check out"), Range(1, 120, ErrorMessage = "A pass must last between 1 and 120 minutes.")]
        public int PassMinutes { get; set; } = 10;
        [Display(Name = "Turn on by itself at"), Range(0, 100_000, ErrorMessage = "The automatic threshold must be between 0 (never) and 100,000 waiting requests.")]
        public int AutoQueueThreshold { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (TempData["WaitingRoomMessage"] is string message) Message = message;
        await LoadAsync(ct);
        Input = new RoomInput { Enabled = Room.Enabled, AdmitPerMinute = Room.AdmitPerMinute, PassMinutes = Room.PassMinutes, AutoQueueThreshold = Room.AutoQueueThreshold };
    }

    public async Task<IActionResult> OnPostWaitingRoomAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var room = await db.WaitingRooms.FirstOrDefaultAsync(r => r.Id == WaitingRoom.SingletonId, ct);
        var isNew = room is null;
        room ??= new WaitingRoom();
        var wasOn = room.IsOnAt(now);
        room.Enabled = Input.Enabled;
        room.AdmitPerMinute = Input.AdmitPerMinute;
        room.PassMinutes = Input.PassMinutes;
        room.AutoQueueThreshold = Input.AutoQueueThreshold;
        // Turned off by hand: the automatic hold ends too. Turned on: admission starts now, with nothing banked.
        if (!Input.Enabled) room.AutoOnUntil = null;
        if (!wasOn && room.IsOnAt(now)) room.AdmitClock = now;
        foreach (var problem in room.Validate()) ModelState.AddModelError("", rules[problem]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        room.UpdatedAt = now;
        if (isNew) db.WaitingRooms.Add(room);
        await db.SaveChangesAsync(ct);
        // The save reloads the room's settings on every instance (PublicPageCache.Tags.WaitingRoom).
        TempData["WaitingRoomMessage"] = room.IsOnAt(now) ? T["The waiting room is on."].Value : T["The waiting room is off."].Value;
        return Redirect("/admin/tickets#waiting-room");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow().UtcDateTime;
        var types = await db.TicketTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        var sold = await db.Tickets.Where(t => t.Order.Status == OrderStatus.Paid && t.CancelledAt == null)
            .GroupBy(t => t.TicketTypeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Rows = types.Select(t => (t, sold.GetValueOrDefault(t.Id), t.Taken - sold.GetValueOrDefault(t.Id))).ToList();
        Room = await db.WaitingRooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == WaitingRoom.SingletonId, ct) ?? new WaitingRoom();
        Waiting = await db.QueueEntries.Waiting(Now).CountAsync(ct);
        Admitted = await db.QueueEntries.CountAsync(e => e.AdmittedAt != null && e.UsedAt == null && e.PassExpiresAt > Now, ct);
        Used = await db.QueueEntries.CountAsync(e => e.UsedAt != null, ct);
    }
}

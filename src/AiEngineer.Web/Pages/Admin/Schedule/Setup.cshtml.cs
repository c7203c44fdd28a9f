using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Schedule;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Pages.Cfp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Schedule;

/// <summary>The frame the schedule is built in: rooms (capacity, livestream) and each day's time slots.</summary>
public class SetupModel(AppDbContext db, ConferenceContext conferences, Infrastructure.Localization.TranslationForm translations,
    Microsoft.Extensions.Localization.IStringLocalizer<AdminScheduleText> T, Shared.RuleMessages rules) : PageModel
{
    public sealed class RoomInput
    {
        public int? Id { get; set; }
        [Required(ErrorMessage = "The room needs a name.")]
        [StringLength(AiEngineer.Core.Conference.Room.NameMaxLength, ErrorMessage = "The name can be at most {1} characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";
        [Range(0, 100_000, ErrorMessage = "Capacity must be between {1} and {2}.")]
        [Display(Name = "Capacity")]
        public int Capacity { get; set; }
        [Display(Name = "Livestreamed")]
        public bool Livestreamed { get; set; }
        [WebLink, StringLength(ConferenceEvent.UrlMaxLength, ErrorMessage = "The stream link can be at most {1} characters.")]
        [Display(Name = "Stream link")]
        public string? StreamUrl { get; set; }
        [Range(0, 1000, ErrorMessage = "The order must be between {1} and {2}.")]
        [Display(Name = "Order")]
        public int SortOrder { get; set; }
        /// <summary>The name in the other languages.</summary>
        public Dictionary<string, string?> Translations { get; set; } = new();
    }

    public static readonly IReadOnlyDictionary<string, (string Label, int Max)> RoomField = new Dictionary<string, (string, int)>
    {
        [nameof(AiEngineer.Core.Conference.Room.Name)] = ("Name", AiEngineer.Core.Conference.Room.NameMaxLength),
    };

    public sealed class SlotInput
    {
        [Required(ErrorMessage = "Choose a day."), Display(Name = "Day")] public DateOnly? Day { get; set; }
        [Required(ErrorMessage = "Give a start time."), Display(Name = "Starts")] public TimeOnly? Start { get; set; }
        [Required(ErrorMessage = "Give an end time."), Display(Name = "Ends")] public TimeOnly? End { get; set; }
        [Range(1, 30, ErrorMessage = "Repeat between {1} and {2} times.")]
        [Display(Name = "How many in a row")]
        public int Repeat { get; set; } = 1;
        [Range(0, 240, ErrorMessage = "The gap must be between {1} and {2} minutes.")]
        [Display(Name = "Gap between (min)")]
        public int GapMinutes { get; set; }
    }

    public ConferenceEvent Conference { get; private set; } = null!;
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];
    public IReadOnlyList<(TimeSlot Slot, int Items)> Slots { get; private set; } = [];
    public IReadOnlyDictionary<int, int> RoomUse { get; private set; } = new Dictionary<int, int>();
    [BindProperty] public RoomInput Room { get; set; } = new();
    [BindProperty] public SlotInput Slot { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRoomAsync(CancellationToken ct)
    {
        ModelState.KeepOnly(nameof(Room));
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return NotFound();
        var name = Room.Name?.Trim() ?? ""; // an empty box binds as null
        if (ModelState.IsValid && await db.Rooms.AnyAsync(r => r.ConferenceEventId == conference.Id && r.Name == name && r.Id != Room.Id, ct))
            ModelState.AddModelError("Room.Name", T["There is already a room called “{0}”.", name]);
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        Room room;
        if (Room.Id is { } id)
        {
            var found = await db.Rooms.FirstOrDefaultAsync(r => r.Id == id && r.ConferenceEventId == conference.Id, ct);
            if (found is null) return NotFound();
            room = found;
        }
        else
        {
            room = db.Rooms.Add(new Room { ConferenceEventId = conference.Id }).Entity;
        }
        room.Name = name;
        room.Capacity = Room.Capacity;
        room.Livestreamed = Room.Livestreamed;
        room.StreamUrl = string.IsNullOrWhiteSpace(Room.StreamUrl) ? null : Room.StreamUrl.Trim();
        room.SortOrder = Room.SortOrder;
        if (!translations.Apply(room.Translations, Room.Translations, RoomField, ModelState, nameof(Room), T))
        {
            await LoadAsync(ct);
            return Page();
        }
        await db.SaveChangesAsync(ct);
        Message = T["Saved the room “{0}”.", name];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteRoomAsync(int id, CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return NotFound();
        var room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == id && r.ConferenceEventId == conference.Id, ct);
        if (room is null) return NotFound();
        if (await db.ScheduleItems.AnyAsync(i => i.RoomId == id, ct))
        {
            ModelState.AddModelError("", T["“{0}” has sessions or items in the draft schedule. Move or remove them first.", room.Name]);
            await LoadAsync(ct);
            return Page();
        }
        db.Rooms.Remove(room);
        await db.SaveChangesAsync(ct);
        Message = T["Deleted the room “{0}”.", room.Name];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSlotAsync(CancellationToken ct)
    {
        ModelState.KeepOnly(nameof(Slot));
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return NotFound();
        var added = new List<TimeSlot>();
        if (ModelState.IsValid)
        {
            var day = Slot.Day!.Value;
            if (day < conference.StartDate || day > conference.EndDate)
                ModelState.AddModelError("Slot.Day", T["Choose one of the conference days."]);
            if (Slot.End <= Slot.Start)
                ModelState.AddModelError("Slot.End", T["The slot must end after it starts."]);
            if (ModelState.IsValid)
            {
                var length = Slot.End!.Value - Slot.Start!.Value;
                var start = day.ToDateTime(Slot.Start.Value);
                var existing = await db.TimeSlots.Where(s => s.ConferenceEventId == conference.Id).ToListAsync(ct);
                for (var n = 0; n < Slot.Repeat; n++)
                {
                    var end = start + length;
                    if (DateOnly.FromDateTime(end.AddTicks(-1)) != day)
                    {
                        ModelState.AddModelError("Slot.Repeat", T["The slots would run past midnight. Repeat fewer times."]);
                        break;
                    }
                    var startUtc = ModelState.ToUtc(conference, start, "Slot.Start", rules);
                    var endUtc = ModelState.ToUtc(conference, end, "Slot.End", rules);
                    if (startUtc is null || endUtc is null) break;
                    if (existing.Concat(added).Any(s => s.StartsAt == startUtc && s.EndsAt == endUtc))
                    {
                        ModelState.AddModelError("Slot.Start", T["There is already a slot at {0}–{1}.", T["{0:ddd MMM d, h:mm tt}", conference.ToLocal(startUtc.Value)], T["{0:h:mm tt}", conference.ToLocal(endUtc.Value)]]);
                        break;
                    }
                    added.Add(new TimeSlot { ConferenceEventId = conference.Id, StartsAt = startUtc.Value, EndsAt = endUtc.Value });
                    start = end.AddMinutes(Slot.GapMinutes);
                }
            }
        }
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        db.TimeSlots.AddRange(added);
        await db.SaveChangesAsync(ct);
        Message = added.Count == 1 ? T["Added one time slot."] : T["Added {0} time slots.", added.Count];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteSlotAsync(int id, CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return NotFound();
        var slot = await db.TimeSlots.FirstOrDefaultAsync(s => s.Id == id && s.ConferenceEventId == conference.Id, ct);
        if (slot is null) return NotFound();
        if (await db.ScheduleItems.AnyAsync(i => i.TimeSlotId == id, ct))
        {
            ModelState.AddModelError("", T["That slot has sessions or items in the draft schedule. Move or remove them first."]);
            await LoadAsync(ct);
            return Page();
        }
        db.TimeSlots.Remove(slot);
        await db.SaveChangesAsync(ct);
        Message = T["Deleted the time slot."];
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return false;
        Conference = conference;
        Days = Enumerable.Range(0, conference.DayCount).Select(i => conference.StartDate.AddDays(i)).ToList();
        var use = await db.ScheduleItems.Where(i => i.ConferenceEventId == conference.Id)
            .Select(i => new { i.TimeSlotId, i.RoomId }).ToListAsync(ct);
        var slots = await db.TimeSlots.AsNoTracking().Where(s => s.ConferenceEventId == conference.Id)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.EndsAt).ToListAsync(ct);
        Slots = slots.Select(s => (s, use.Count(u => u.TimeSlotId == s.Id))).ToList();
        RoomUse = use.Where(u => u.RoomId != null).GroupBy(u => u.RoomId!.Value).ToDictionary(g => g.Key, g => g.Count());
        return true;
    }
}

using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Schedule;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Pages.Schedule;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Schedule;

/// <summary>
/// The draft schedule for one day: the grid of rooms and slots, placing confirmed sessions and non-talk items,
/// the warnings, and publishing a new version with its changelog.
/// </summary>
public class IndexModel(AppDbContext db, ConferenceContext conferences, ScheduleDraft drafts, TimeProvider time,
    Infrastructure.Localization.TranslationForm translations, Microsoft.Extensions.Localization.IStringLocalizer<AdminText> T) : PageModel
{
    public sealed class PlaceInput
    {
        [Display(Name = "Confirmed session"), Required(ErrorMessage = "Choose a session.")] public int? ProposalId { get; set; }
        [Display(Name = "Time slot"), Required(ErrorMessage = "Choose a time slot.")] public int? SlotId { get; set; }
        [Display(Name = "Room"), Required(ErrorMessage = "Choose a room.")] public int? RoomId { get; set; }
        public ScheduleItemKind Kind { get; set; } = ScheduleItemKind.Session;
    }

    public sealed class ItemInput
    {
        [Display(Name = "Title"), Required(ErrorMessage = "Give the item a title, for example “Lunch”.")]
        [StringLength(ScheduleItem.TitleMaxLength, ErrorMessage = "The title can be at most {1} characters.")]
        public string Title { get; set; } = "";
        public ScheduleItemKind Kind { get; set; } = ScheduleItemKind.Break;
        [Display(Name = "Time slot"), Required(ErrorMessage = "Choose a time slot.")] public int? SlotId { get; set; }
        /// <summary>Empty means every room.</summary>
        public int? RoomId { get; set; }
        /// <summary>The title in the other languages (<see cref="Infrastructure.Localization.TranslationForm"/>).</summary>
        public Dictionary<string, string?> Translations { get; set; } = new();
    }

    public static readonly IReadOnlyDictionary<string, (string Label, int Max)> ItemFields = new Dictionary<string, (string, int)>
    {
        [nameof(ScheduleItem.Title)] = ("Title", ScheduleItem.TitleMaxLength),
    };

    public sealed record SessionOption(int ProposalId, string Title, string Speakers, string Format, int? Minutes, string? PlacedAt);

    public ConferenceEvent Conference { get; private set; } = null!;
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];
    public DateOnly Day { get; private set; }
    public IReadOnlyList<TimeSlot> Slots { get; private set; } = [];
    public IReadOnlyList<TimeSlot> DaySlots { get; private set; } = [];
    public ScheduleGrid<ProgramEntry> Grid { get; private set; } = null!;
    public ScheduleDraft.Draft Draft { get; private set; } = null!;
    public IReadOnlyList<ScheduleChange> Pending { get; private set; } = [];
    public IReadOnlyList<SessionOption> Sessions { get; private set; } = [];
    public ScheduleVersion? Latest { get; private set; }
    public HashSet<int> WarnedItems { get; private set; } = [];
    [BindProperty] public PlaceInput Place { get; set; } = new();
    [BindProperty] public ItemInput Item { get; set; } = new();
    [BindProperty, Display(Name = "Note for the changelog (optional)"), StringLength(ScheduleVersion.NoteMaxLength, ErrorMessage = "The note can be at most {1} characters.")]
    public string? Note { get; set; }
    [TempData] public string? Message { get; set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(DateOnly? day, CancellationToken ct)
    {
        if (!await LoadAsync(day, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostPlaceAsync(DateOnly? day, CancellationToken ct)
    {
        ModelState.KeepOnly(nameof(Place));
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return NotFound();
        if (ModelState.IsValid)
        {
            var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == Place.ProposalId && p.ConferenceEventId == conference.Id)
                .Select(p => new { p.Title, p.State }).FirstOrDefaultAsync(ct);
            var slot = await db.TimeSlots.FirstOrDefaultAsync(s => s.Id == Place.SlotId && s.ConferenceEventId == conference.Id, ct);
            if (proposal is null) ModelState.AddModelError("Place.ProposalId", T["That session does not exist."]);
            else if (proposal.State != ProposalState.Confirmed) ModelState.AddModelError("Place.ProposalId", T["“{0}” is not confirmed by its speaker, so it cannot be placed.", proposal.Title]);
            if (slot is null) ModelState.AddModelError("Place.SlotId", T["That time slot does not exist."]);
            if (!conference.Rooms.Any(r => r.Id == Place.RoomId)) ModelState.AddModelError("Place.RoomId", T["That room does not exist."]);
            if (Place.Kind is not (ScheduleItemKind.Session or ScheduleItemKind.Keynote)) ModelState.AddModelError("Place.Kind", T["A session is placed as a session or a keynote."]);
            if (ModelState.IsValid)
            {
                var item = await db.ScheduleItems.FirstOrDefaultAsync(i => i.ProposalId == Place.ProposalId, ct);
                var moved = item is not null;
                item ??= db.ScheduleItems.Add(new ScheduleItem { ConferenceEventId = conference.Id, ProposalId = Place.ProposalId }).Entity;
                item.TimeSlotId = slot!.Id;
                item.RoomId = Place.RoomId;
                item.Kind = Place.Kind;
                item.UpdatedAt = Now;
                await db.SaveChangesAsync(ct);
                var room = conference.Rooms.First(r => r.Id == Place.RoomId).Name;
                Message = moved
                    ? T["Moved “{0}” at {1:ddd MMM d, h:mm tt}, {2}. The public schedule changes when you publish.", proposal!.Title, conference.ToLocal(slot.StartsAt), room]
                    : T["Placed “{0}” at {1:ddd MMM d, h:mm tt}, {2}. The public schedule changes when you publish.", proposal!.Title, conference.ToLocal(slot.StartsAt), room];
                return RedirectToPage(new { day = ProgramStore.DayOf(conference, slot.StartsAt) });
            }
        }
        await LoadAsync(day, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostItemAsync(DateOnly? day, CancellationToken ct)
    {
        ModelState.KeepOnly(nameof(Item));
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return NotFound();
        if (ModelState.IsValid)
        {
            var slot = await db.TimeSlots.FirstOrDefaultAsync(s => s.Id == Item.SlotId && s.ConferenceEventId == conference.Id, ct);
            if (slot is null) ModelState.AddModelError("Item.SlotId", T["That time slot does not exist."]);
            if (Item.RoomId is not null && !conference.Rooms.Any(r => r.Id == Item.RoomId)) ModelState.AddModelError("Item.RoomId", T["That room does not exist."]);
            if (Item.Kind == ScheduleItemKind.Session) ModelState.AddModelError("Item.Kind", T["Sessions come from confirmed proposals: use “Place a session”."]);
            var item = new ScheduleItem
            {
                ConferenceEventId = conference.Id, TimeSlotId = slot?.Id ?? 0, RoomId = Item.RoomId, Kind = Item.Kind,
                Title = Item.Title.Trim(), UpdatedAt = Now,
            };
            if (translations.Apply(item.Translations, Item.Translations, ItemFields, ModelState, nameof(Item), T) && ModelState.IsValid)
            {
                db.ScheduleItems.Add(item);
                await db.SaveChangesAsync(ct);
                Message = T["Added “{0}” at {1:ddd MMM d, h:mm tt}.", Item.Title.Trim(), conference.ToLocal(slot!.StartsAt)];
                return RedirectToPage(new { day = ProgramStore.DayOf(conference, slot.StartsAt) });
            }
        }
        await LoadAsync(day, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, DateOnly? day, CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return NotFound();
        var item = await db.ScheduleItems.FirstOrDefaultAsync(i => i.Id == id && i.ConferenceEventId == conference.Id, ct);
        if (item is null) return NotFound();
        db.ScheduleItems.Remove(item);
        await db.SaveChangesAsync(ct);
        Message = T["Removed from the draft. The public schedule changes when you publish."];
        return RedirectToPage(new { day });
    }

    public async Task<IActionResult> OnPostPublishAsync(DateOnly? day, CancellationToken ct)
    {
        // KeepOnly keeps the note's errors and drops the other forms'; a ModelState.Clear() here used to drop the note's
        // length error too, so an overlong note went on to publishing.
        ModelState.KeepOnly(nameof(Note));
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return NotFound();
        if (ModelState.IsValid)
        {
            var outcome = await drafts.PublishAsync(conference, Me, Note ?? "", Now, ct);
            if (outcome.Version is { } v)
            {
                Message = outcome.EmailCount == 1
                    ? T["Published version {0}. 1 email to a speaker whose session changed is on its way.", v.Number]
                    : T["Published version {0}. {1} emails to speakers whose sessions changed are on their way.", v.Number, outcome.EmailCount];
                if (outcome.StarrerCount > 0)
                    Message += " " + (outcome.StarrerCount == 1
                        ? T["1 person who starred a moved or removed session is told by email."]
                        : T["{0} people who starred moved or removed sessions are told by email.", outcome.StarrerCount]);
                return RedirectToPage(new { day });
            }
            ModelState.AddModelError("", outcome.Problem!);
        }
        await LoadAsync(day, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(DateOnly? day, CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return false;
        Conference = conference;
        Days = Enumerable.Range(0, conference.DayCount).Select(i => conference.StartDate.AddDays(i)).ToList();
        Day = day is { } d && Days.Contains(d) ? d : Days[0];
        Slots = await db.TimeSlots.AsNoTracking().Where(s => s.ConferenceEventId == conference.Id).OrderBy(s => s.StartsAt).ThenBy(s => s.EndsAt).ToListAsync(ct);
        DaySlots = Slots.Where(s => ProgramStore.DayOf(conference, s.StartsAt) == Day).ToList();
        Draft = await drafts.LoadAsync(conference, ct);
        WarnedItems = Draft.Warnings.SelectMany(w => w.ItemIds).ToHashSet();
        Pending = await drafts.PendingChangesAsync(conference, Draft, ct);
        Latest = await db.ScheduleVersions.AsNoTracking().Where(v => v.ConferenceEventId == conference.Id)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        var dayEntries = Draft.Entries.Where(e => ProgramStore.DayOf(conference, e.Entry.StartsAt) == Day);
        Grid = new ScheduleGrid<ProgramEntry>(dayEntries, conference.Rooms, DaySlots.Select(s => s.StartsAt),
            e => e.Entry.StartsAt, e => e.Entry.EndsAt, e => e.Entry.RoomId);

        var placed = Draft.Entries.Where(e => e.Entry.ProposalId is not null).ToDictionary(e => e.Entry.ProposalId!.Value);
        var confirmed = await db.Proposals.AsNoTracking().Where(p => p.ConferenceEventId == conference.Id && p.State == ProposalState.Confirmed)
            .OrderBy(p => p.Title).Select(p => new { p.Id, p.Title, Format = p.Format!.Name, p.Format.DurationMinutes, Speakers = p.Speakers.Select(s => s.UserId).ToList() })
            .ToListAsync(ct);
        var names = (await drafts.SpeakersAsync(confirmed.SelectMany(p => p.Speakers).Distinct().ToList(), ct)).ToDictionary(s => s.UserId, s => s.Name);
        Sessions = confirmed.Select(p => new SessionOption(p.Id, p.Title,
                string.Join(", ", p.Speakers.Select(s => names.GetValueOrDefault(s, ""))),
                p.Format, p.DurationMinutes,
                placed.TryGetValue(p.Id, out var e) ? T["{0:ddd MMM d, h:mm tt}, {1}", conference.ToLocal(e.Entry.StartsAt), e.Entry.RoomName].Value : null))
            .ToList();
        return true;
    }
}

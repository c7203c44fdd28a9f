using System.Security.Claims;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Schedule;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.My.Availability;

/// <summary>
/// When a speaker can present, day by day, in the event's zone. Organizers see a warning when they place a session
/// outside it. Saying nothing (every day "all day") means available throughout.
/// </summary>
public class IndexModel(AppDbContext db, ConferenceContext conferences, Microsoft.Extensions.Localization.IStringLocalizer<MyText> T) : PageModel
{
    public enum DayChoice { AllDay, Part, None }

    public sealed class DayInput
    {
        public DateOnly Day { get; set; }
        public DayChoice Choice { get; set; }
        public TimeOnly? From { get; set; }
        public TimeOnly? To { get; set; }
    }

    public ConferenceEvent Conference { get; private set; } = null!;
    [BindProperty] public List<DayInput> Days { get; set; } = [];
    [TempData] public string? Message { get; set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return NotFound();
        Conference = conference;
        var ranges = await db.SpeakerAvailabilities.AsNoTracking().Where(a => a.UserId == Me).ToListAsync(ct);
        Days = EventDays(conference).Select(day =>
        {
            var start = conference.ToUtc(day, TimeOnly.MinValue);
            var end = conference.ToUtc(day.AddDays(1), TimeOnly.MinValue);
            var mine = ranges.FirstOrDefault(r => r.StartsAt < end && start < r.EndsAt);
            if (ranges.Count == 0 || (mine is not null && mine.StartsAt <= start && mine.EndsAt >= end))
                return new DayInput { Day = day, Choice = DayChoice.AllDay };
            if (mine is null) return new DayInput { Day = day, Choice = DayChoice.None };
            return new DayInput
            {
                Day = day, Choice = DayChoice.Part,
                From = TimeOnly.FromDateTime(conference.ToLocal(mine.StartsAt)),
                To = mine.EndsAt >= end ? new TimeOnly(23, 59) : TimeOnly.FromDateTime(conference.ToLocal(mine.EndsAt)),
            };
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return NotFound();
        Conference = conference;
        var days = EventDays(conference);
        if (Days.Count != days.Count || Days.Select(d => d.Day).Except(days).Any())
            ModelState.AddModelError("", T["The form does not match the conference days. Reload the page and try again."]);
        var ranges = new List<SpeakerAvailability>();
        for (var i = 0; i < Days.Count && ModelState.IsValid; i++)
        {
            var d = Days[i];
            string label = T["{0:dddd, MMMM d}", d.Day];
            switch (d.Choice)
            {
                case DayChoice.AllDay:
                    ranges.Add(Range(conference, d.Day, TimeOnly.MinValue, null));
                    break;
                case DayChoice.Part when d.From is null || d.To is null:
                    ModelState.AddModelError($"Days[{i}].From", T["{0}: give the time you are available from and until.", label]);
                    break;
                case DayChoice.Part when d.To <= d.From:
                    ModelState.AddModelError($"Days[{i}].To", T["{0}: the end must be after the start.", label]);
                    break;
                case DayChoice.Part:
                    ranges.Add(Range(conference, d.Day, d.From!.Value, d.To!.Value == new TimeOnly(23, 59) ? null : d.To));
                    break;
                case DayChoice.None:
                    break;
                default:
                    ModelState.AddModelError("", T["Choose all day, part of the day or not available."]);
                    break;
            }
        }
        if (ModelState.IsValid && ranges.Count == 0)
            ModelState.AddModelError("", T["You said you cannot come on any day. Tell the organizers by email instead, so they can plan."]);
        if (!ModelState.IsValid) return Page();

        await db.SpeakerAvailabilities.Where(a => a.UserId == Me).ExecuteDeleteAsync(ct);
        // Available every day all day is the same as saying nothing: store no ranges.
        if (Days.Any(d => d.Choice != DayChoice.AllDay))
        {
            foreach (var r in ranges) r.UserId = Me;
            db.SpeakerAvailabilities.AddRange(ranges);
            await db.SaveChangesAsync(ct);
        }
        Message = T["Saved. Organizers will place your sessions within these times where they can."];
        return RedirectToPage();
    }

    private static List<DateOnly> EventDays(ConferenceEvent c) => Enumerable.Range(0, c.DayCount).Select(i => c.StartDate.AddDays(i)).ToList();

    private static SpeakerAvailability Range(ConferenceEvent c, DateOnly day, TimeOnly from, TimeOnly? to) => new()
    {
        StartsAt = c.ToUtc(day, from),
        EndsAt = to is { } t ? c.ToUtc(day, t) : c.ToUtc(day.AddDays(1), TimeOnly.MinValue),
    };
}

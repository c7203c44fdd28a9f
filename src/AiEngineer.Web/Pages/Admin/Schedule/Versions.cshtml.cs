using AiEngineer.Core.Data;
using AiEngineer.Core.Schedule;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Schedule;

/// <summary>Every published version with its changelog, newest first. Versions are never edited.</summary>
public class VersionsModel(AppDbContext db, ConferenceContext conferences) : PageModel
{
    public sealed record Row(ScheduleVersion Version, string PublishedBy);

    public AiEngineer.Core.Conference.ConferenceEvent Conference { get; private set; } = null!;
    public IReadOnlyList<Row> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return NotFound();
        Conference = conference;
        Versions = await db.ScheduleVersions.AsNoTracking().Where(v => v.ConferenceEventId == conference.Id)
            .OrderByDescending(v => v.Number)
            .Select(v => new Row(
                new ScheduleVersion { Id = v.Id, Number = v.Number, PublishedAt = v.PublishedAt, Note = v.Note, Changelog = v.Changelog },
                db.Users.Where(u => u.Id == v.PublishedByUserId).Select(u => u.DisplayName ?? u.Email ?? "").FirstOrDefault() ?? ""))
            .ToListAsync(ct);
        return Page();
    }
}

using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Schedule;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Pages.Schedule;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Speakers;

/// <summary>Everyone speaking in the published program, with their sessions.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.Site.PublicPageCache.Policies.Speakers)]
public class IndexModel(AppDbContext db, ConferenceContext conferences, ProgramStore store) : PageModel
{
    public ConferenceEvent? Conference { get; private set; }
    public PublishedProgram? Program { get; private set; }
    public IReadOnlyDictionary<string, int?> Photos { get; private set; } = new Dictionary<string, int?>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Conference = await conferences.GetAsync(ct);
        if (Conference is null) return Page();
        Program = await store.GetAsync(Conference, ct);
        if (Program is null) return Page();
        var ids = Program.Speakers.Select(s => s.UserId).ToList();
        Photos = await db.SpeakerProfiles.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.PhotoId, ct);
        return Page();
    }
}

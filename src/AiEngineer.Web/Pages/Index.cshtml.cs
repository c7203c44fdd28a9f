using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Sponsors;
using Microsoft.EntityFrameworkCore;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Pages;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.Site.PublicPageCache.Policies.Home)]
public class IndexModel(ConferenceContext conferences, AppDbContext db, TimeProvider time) : PageModel
{
    public ConferenceEvent? Conference { get; private set; }
    /// <summary>The last day has passed: the page thanks everyone and points to the program instead of tickets and the CFP.</summary>
    public bool IsOver { get; private set; }
    public IReadOnlyList<Sponsorship> Sponsors { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Conference = await conferences.GetAsync(ct);
        IsOver = Conference?.IsOverAt(time.GetUtcNow().UtcDateTime) == true;
        Sponsors = await db.Sponsorships.AsNoTracking().Include(s => s.Tier)
            .Where(s => s.Status == SponsorshipStatus.Live)
            .OrderBy(s => s.Tier.SortOrder).ThenBy(s => s.PaidAt).ToListAsync(ct);
    }
}

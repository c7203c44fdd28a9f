using AiEngineer.Core.Data;
using AiEngineer.Core.Sponsors;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Sponsors;

/// <summary>The sponsor wall (paid sponsors, by tier) and the tiers on offer.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.Site.PublicPageCache.Policies.Sponsors)]
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<SponsorTier> Tiers { get; private set; } = [];
    public ILookup<int, Sponsorship> Live { get; private set; } = Enumerable.Empty<Sponsorship>().ToLookup(s => 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tiers = await db.SponsorTiers.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        Live = (await db.Sponsorships.AsNoTracking().Where(s => s.Status == SponsorshipStatus.Live)
            .OrderBy(s => s.PaidAt).ToListAsync(ct)).ToLookup(s => s.TierId);
    }
}

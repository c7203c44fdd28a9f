using AiEngineer.Core.Data;
using AiEngineer.Core.Sponsors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Sponsors;

public class ShowModel(AppDbContext db) : PageModel
{
    public Sponsorship Sponsor { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var s = await db.Sponsorships.AsNoTracking().Include(x => x.Tier)
            .FirstOrDefaultAsync(x => x.Slug == slug && x.Status == SponsorshipStatus.Live, ct);
        if (s is null) return NotFound();
        Sponsor = s;
        return Page();
    }
}

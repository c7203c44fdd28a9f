using AiEngineer.Core.Data;
using AiEngineer.Core.Sponsors;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Sponsors;

/// <summary>The sponsor pipeline (applied → approved → live, plus rejected and expired), revenue by tier, and a CSV export.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Sponsorship> Sponsorships { get; private set; } = [];
    public IReadOnlyList<SponsorTier> Tiers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tiers = await db.SponsorTiers.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        Sponsorships = await db.Sponsorships.AsNoTracking().Include(s => s.Tier).OrderByDescending(s => s.Id).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        var csv = CsvExport.Write(
            ["Company", "Tier", "Status", "Website", "Contact", "Email", "Phone", "Billing address", "VAT ID", "Applied (UTC)", "Paid (UTC)", "Notes"],
            Sponsorships.Select(s => new[] { s.CompanyName, s.Tier.Name, s.Status.ToString(), s.Website, s.ContactName, s.ContactEmail, s.ContactPhone,
                s.BillingAddress, s.VatId, s.CreatedAt.ToString("yyyy-MM-dd"), s.PaidAt?.ToString("yyyy-MM-dd"), s.OrganizerNotes }));
        return File(csv, "text/csv", "sponsors.csv");
    }
}

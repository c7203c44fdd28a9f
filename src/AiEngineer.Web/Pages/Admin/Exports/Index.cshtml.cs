using AiEngineer.Core.Cfp;
using AiEngineer.Core.Data;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Exports;

/// <summary>Every CSV download in one place; orders and speakers are written here, the others by their own pages.</summary>
public class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnGetOrdersAsync(CancellationToken ct)
    {
        var rows = await db.Orders.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new { o.Code, o.Status, o.PaymentMethod, o.BuyerName, o.BuyerEmail, o.BuyerCompany, o.VatId, o.Currency, o.SubtotalMinor, o.DiscountMinor, o.TotalMinor, o.RefundedMinor, o.CreatedAt, o.PaidAt, Tickets = o.Tickets.Count })
            .ToListAsync(ct);
        static string Amount(long minor) => (minor / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var csv = CsvExport.Write(
            ["Order", "Status", "Method", "Buyer", "Email", "Company", "VAT ID", "Currency", "Subtotal", "Discount", "Total", "Refunded", "Tickets", "Created (UTC)", "Paid (UTC)"],
            rows.Select(r => new[] { r.Code, r.Status.ToString(), r.PaymentMethod.ToString(), r.BuyerName, r.BuyerEmail, r.BuyerCompany, r.VatId, r.Currency.ToUpperInvariant(),
                Amount(r.SubtotalMinor), Amount(r.DiscountMinor), Amount(r.TotalMinor), Amount(r.RefundedMinor), r.Tickets.ToString(),
                r.CreatedAt.ToString("yyyy-MM-dd HH:mm"), r.PaidAt?.ToString("yyyy-MM-dd HH:mm") }));
        return File(csv, "text/csv", $"orders-{time.GetUtcNow():yyyyMMdd-HHmm}.csv");
    }

    /// <summary>Speakers on accepted or confirmed proposals, one row per speaker and session.</summary>
    public async Task<IActionResult> OnGetSpeakersAsync(CancellationToken ct)
    {
        var rows = await (from s in db.ProposalSpeakers.AsNoTracking()
                          join p in db.Proposals on s.ProposalId equals p.Id
                          join u in db.Users on s.UserId equals u.Id
                          join prof in db.SpeakerProfiles on s.UserId equals prof.UserId into profiles
                          from prof in profiles.DefaultIfEmpty()
                          where p.State == ProposalState.Accepted || p.State == ProposalState.Confirmed
                          orderby p.Title, s.IsPrimary descending
                          select new { Name = prof != null && prof.DisplayName != "" ? prof.DisplayName : u.DisplayName, u.Email, Company = prof != null ? prof.Company : "", Headline = prof != null ? prof.Headline : "", p.Title, p.State, Format = p.Format!.Name, Track = p.Track!.Name, s.IsPrimary })
            .ToListAsync(ct);
        var csv = CsvExport.Write(["Name", "Email", "Company", "Headline", "Session", "State", "Format", "Track", "Role"],
            rows.Select(r => new[] { r.Name, r.Email, r.Company, r.Headline, r.Title, r.State.ToString(), r.Format, r.Track, r.IsPrimary ? "Speaker" : "Co-speaker" }));
        return File(csv, "text/csv", $"speakers-{time.GetUtcNow():yyyyMMdd-HHmm}.csv");
    }
}

using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Orders;

/// <summary>Attendees of paid orders as CSV, for badges, catering and the venue.</summary>
public class ExportModel(AppDbContext db, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => t.Order.Status == OrderStatus.Paid && t.CancelledAt == null)
            .OrderBy(t => t.TicketType.SortOrder).ThenBy(t => t.AttendeeName)
            .Select(t => new { t.Order.Code, Ticket = t.Code, Type = t.TicketType.Name, t.AttendeeName, t.AttendeeEmail, t.Company, t.JobTitle, t.Dietary, t.Accessibility, t.ShirtSize, t.CheckedInAt })
            .ToListAsync(ct);
        var csv = CsvExport.Write(
            ["Order", "Ticket", "Type", "Name", "Email", "Company", "Job title", "Dietary", "Accessibility", "T-shirt", "Checked in (UTC)"],
            rows.Select(r => new[] { r.Code, r.Ticket, r.Type, r.AttendeeName, r.AttendeeEmail, r.Company, r.JobTitle, r.Dietary, r.Accessibility, r.ShirtSize, r.CheckedInAt?.ToString("yyyy-MM-dd HH:mm") }));
        return File(csv, "text/csv", $"attendees-{time.GetUtcNow():yyyyMMdd-HHmm}.csv");
    }
}

using AiEngineer.Core.Data;
using AiEngineer.Core.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Email;

/// <summary>The outbox: every message the site has queued, filtered by status, kind or recipient, newest first.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(long Id, DateTime CreatedAt, string To, string Subject, string Kind, OutboundEmailStatus Status, int Attempts, string? LastError);

    [BindProperty(SupportsGet = true)] public OutboundEmailStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyDictionary<OutboundEmailStatus, int> Counts { get; private set; } = new Dictionary<OutboundEmailStatus, int>();
    public IReadOnlyList<string> Kinds { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await db.OutboundEmails.GroupBy(e => e.Status).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        Kinds = await db.OutboundEmails.Select(e => e.Kind).Distinct().OrderBy(k => k).ToListAsync(ct);
        var q = db.OutboundEmails.AsNoTracking();
        if (Status is { } s) q = q.Where(e => e.Status == s);
        if (!string.IsNullOrWhiteSpace(Kind)) q = q.Where(e => e.Kind == Kind);
        if (!string.IsNullOrWhiteSpace(To)) { var to = To.Trim().ToLowerInvariant(); q = q.Where(e => e.ToAddress.ToLower().Contains(to)); }
        Total = await q.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await q.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(e => new Row(e.Id, e.CreatedAt, e.ToAddress, e.Subject, e.Kind, e.Status, e.Attempts, e.LastError)).ToListAsync(ct);
    }
}

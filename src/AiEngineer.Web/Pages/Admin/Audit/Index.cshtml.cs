using System.Text.Json;
using AiEngineer.Core.Audit;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Audit;

/// <summary>The audit log, newest first: filter by person, kind of record, action and day. Read only: nothing here changes it.</summary>
public class IndexModel(AppDbContext db, ConferenceContext conferences, Microsoft.Extensions.Localization.IStringLocalizer<AdminText> T) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(AuditEntry Entry, IReadOnlyList<(string Field, string? Before, string? After)> Changes);

    [BindProperty(SupportsGet = true)] public string? Who { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public AuditAction? Action { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public ConferenceEvent? Conference { get; private set; }
    public IReadOnlyList<string> Types { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Conference = await conferences.GetAsync(ct);
        Types = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Who)) { var w = Who.Trim(); q = q.Where(a => a.UserName.Contains(w) || a.UserId == w); }
        if (!string.IsNullOrWhiteSpace(Type)) q = q.Where(a => a.EntityType == Type);
        if (Action is { } action) q = q.Where(a => a.Action == action);
        if (From is { } from) { var f = DayStart(from); q = q.Where(a => a.At >= f); }
        if (To is { } to) { var t = DayStart(to.AddDays(1)); q = q.Where(a => a.At < t); }
        Total = await q.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var entries = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Rows = entries.Select(e => new Row(e, Parse(e.Changes))).ToList();
    }

    private DateTime DayStart(DateOnly day) => Conference?.ToUtc(day, TimeOnly.MinValue) ?? day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public string When(DateTime utc) => Conference is null
        ? utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'")
        : T["{0:yyyy-MM-dd h:mm:ss tt}", Conference.ToLocal(utc)];

    private static IReadOnlyList<(string, string?, string?)> Parse(string json)
    {
        try
        {
            var map = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(json) ?? [];
            return map.Select(kv => (kv.Key, kv.Value.ElementAtOrDefault(0), kv.Value.ElementAtOrDefault(1))).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

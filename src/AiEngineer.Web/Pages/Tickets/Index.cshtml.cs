using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Tickets;

/// <summary>The catalog: every ticket type on sale (and hidden ones a voucher unlocks), with quantities to choose.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.Site.PublicPageCache.Policies.Tickets)]
public class IndexModel(AppDbContext db, TimeProvider time, Microsoft.Extensions.Options.IOptionsMonitor<TicketingOptions> options,
    Infrastructure.Site.ConferenceContext conferences, Microsoft.Extensions.Localization.IStringLocalizer<TicketsText> T, Shared.RuleMessages rules) : PageModel
{
    public Core.Conference.ConferenceEvent? Conference { get; private set; }
    /// <summary>The last day has passed: nothing is offered, the page says so and points to the program.</summary>
    public bool IsOver => Conference is not null && Conference.IsOverAt(Now);
    public int ReservationMinutes => options.CurrentValue.ReservationMinutes;
    /// <summary>In the visitor's language (<see cref="Infrastructure.Content.PolicyText"/>).</summary>
    public string RefundPolicy => Infrastructure.Content.PolicyText.RefundsFor(Conference, options.CurrentValue.RefundPolicy);
    public IReadOnlyList<TicketType> Types { get; private set; } = [];
    public string? Voucher { get; private set; }
    public string? VoucherMessage { get; private set; }
    public DateTime Now { get; private set; }
    /// <summary>A note from checkout ("Choose at least one ticket."), carried in TempData.</summary>
    public string? Message { get; private set; }

    public async Task OnGetAsync(string? voucher, CancellationToken ct)
    {
        Now = time.GetUtcNow().UtcDateTime;
        Conference = await conferences.GetAsync(ct);
        if (IsOver) return;
        if (Request.Cookies.ContainsKey(Infrastructure.Site.PublicPageCache.TempDataCookie))
            Message = TempData["TicketsMessage"] as string;
        var all = await db.TicketTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        var unlocked = new HashSet<int>();
        if (!string.IsNullOrWhiteSpace(voucher))
        {
            Voucher = Core.Tickets.Voucher.Normalize(voucher);
            var v = await db.Vouchers.AsNoTracking().Include(x => x.TicketTypes).FirstOrDefaultAsync(x => x.Code == Voucher, ct);
            if (v is null) VoucherMessage = rules["That voucher code is not valid."];
            else if (v.ProblemAt(Now) is { } problem) VoucherMessage = rules[problem];
            else
            {
                VoucherMessage = v.Kind switch
                {
                    VoucherKind.Comp => T["Voucher applied: complimentary tickets."],
                    VoucherKind.PercentOff => T["Voucher applied: {0}% off.", v.Value],
                    _ => T["Voucher applied: {0} off each ticket.", Money.Format(v.Value)],
                };
                if (v.UnlocksHidden) unlocked = all.Where(t => t.Hidden && v.AppliesTo(t.Id)).Select(t => t.Id).ToHashSet();
            }
        }
        Types = all.Where(t => !t.Hidden || unlocked.Contains(t.Id)).ToList();
    }
}

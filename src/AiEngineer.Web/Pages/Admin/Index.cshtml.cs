using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Email;
using AiEngineer.Core.Sponsors;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin;

/// <summary>
/// The organizers' dashboard: tickets and revenue, and charts of sales, submissions, review progress, the sponsor
/// pipeline and check-ins. Every chart is drawn from a table on the page, which is also its text alternative.
/// </summary>
public class IndexModel(AppDbContext db, ConferenceContext conferences,
    Microsoft.Extensions.Localization.IStringLocalizer<AdminText> T, Microsoft.Extensions.Localization.IStringLocalizer<StatusText> L) : PageModel
{
    public sealed record TypeRow(string Name, TicketKind Kind, int Capacity, int Sold, int Held, int Remaining, long RevenueMinor);

    /// <summary>One chart: its title, axis labels and one or more series, rendered both as a canvas and as a table.</summary>
    public sealed record Chart(string Id, string Title, string Type, IReadOnlyList<string> Labels, IReadOnlyList<(string Name, IReadOnlyList<int> Values)> Series, string Summary);

    public ConferenceEvent? Conference { get; private set; }
    public IReadOnlyList<TypeRow> Types { get; private set; } = [];
    public long GrossMinor { get; private set; }
    public long RefundedMinor { get; private set; }
    public long NetMinor => GrossMinor - RefundedMinor;
    public IReadOnlyList<Chart> Charts { get; private set; } = [];
    public int Accounts { get; private set; }
    public IReadOnlyList<(string Role, int Count)> Staff { get; private set; } = [];
    public IReadOnlyDictionary<OutboundEmailStatus, int> Outbox { get; private set; } = new Dictionary<OutboundEmailStatus, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Conference = await conferences.GetAsync(ct);
        var c = Conference;
        DateOnly Day(DateTime utc) => c is null ? DateOnly.FromDateTime(utc) : DateOnly.FromDateTime(c.ToLocal(utc));

        // Tickets: sold = on a paid order and not cancelled; held = on a pending order.
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.CancelledAt == null)
            .Select(t => new { t.TicketTypeId, t.Order.Status, t.Order.PaidAt, t.PriceMinor, t.CheckedInAt }).ToListAsync(ct);
        var types = await db.TicketTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        Types = types.Select(t =>
        {
            var mine = tickets.Where(x => x.TicketTypeId == t.Id).ToList();
            return new TypeRow(t.Name, t.Kind, t.Capacity, mine.Count(x => x.Status == OrderStatus.Paid), mine.Count(x => x.Status == OrderStatus.Pending),
                Math.Max(0, t.Capacity - t.Taken), mine.Where(x => x.Status == OrderStatus.Paid).Sum(x => x.PriceMinor));
        }).ToList();
        var money = await db.Orders.AsNoTracking().Where(o => o.PaidAt != null).Select(o => new { o.TotalMinor, o.RefundedMinor }).ToListAsync(ct);
        GrossMinor = money.Sum(m => m.TotalMinor);
        RefundedMinor = money.Sum(m => m.RefundedMinor);

        var charts = new List<Chart>();
        var sales = tickets.Where(t => t.Status == OrderStatus.Paid && t.PaidAt != null).GroupBy(t => Day(t.PaidAt!.Value)).OrderBy(g => g.Key).ToList();
        charts.Add(new Chart("sales", T["Tickets sold per day"], "bar", sales.Select(g => T["{0:MMM d}", g.Key].Value).ToList(),
            [(T["Tickets"], sales.Select(g => g.Count()).ToList())],
            sales.Count == 0 ? T["No tickets sold yet."] : T["{0} tickets over {1} days; the busiest day was {2:MMM d}.", sales.Sum(g => g.Count()), sales.Count, sales.MaxBy(g => g.Count())!.Key]));

        var submitted = await db.Proposals.AsNoTracking().Where(p => p.SubmittedAt != null && p.State != ProposalState.Withdrawn)
            .Select(p => new { p.SubmittedAt, Track = p.Track!.Name }).ToListAsync(ct);
        var perDay = submitted.GroupBy(p => Day(p.SubmittedAt!.Value)).OrderBy(g => g.Key).ToList();
        charts.Add(new Chart("cfp-days", T["Proposals submitted per day"], "line", perDay.Select(g => T["{0:MMM d}", g.Key].Value).ToList(),
            [(T["Proposals"], perDay.Select(g => g.Count()).ToList())], T["{0} proposals submitted.", submitted.Count]));
        var perTrack = (c?.Tracks.Select(t => t.Name) ?? submitted.Select(p => p.Track).Distinct()).ToList();
        charts.Add(new Chart("cfp-tracks", T["Proposals per track"], "bar", perTrack,
            [(T["Proposals"], perTrack.Select(t => submitted.Count(p => p.Track == t)).ToList())],
            perTrack.Count == 0 ? T["No tracks."] : T["Most proposals: {0}.", perTrack.MaxBy(t => submitted.Count(p => p.Track == t))!]));

        var assignments = await db.ReviewAssignments.AsNoTracking().Select(a => new { a.ProposalId, a.ReviewerUserId }).ToListAsync(ct);
        var reviews = (await db.ProposalReviews.AsNoTracking().Select(r => new { r.ProposalId, r.ReviewerUserId }).ToListAsync(ct))
            .Select(r => (r.ProposalId, r.ReviewerUserId)).ToHashSet();
        var done = assignments.Count(a => reviews.Contains((a.ProposalId, a.ReviewerUserId)));
        charts.Add(new Chart("review", T["Review progress"], "doughnut", [T["Reviewed"], T["Waiting"]], [(T["Assignments"], [done, assignments.Count - done])],
            assignments.Count == 0 ? T["No reviews assigned yet."] : T["{0} of {1} assigned reviews done ({2}%).", done, assignments.Count, 100 * done / assignments.Count]));

        var pipeline = await db.Sponsorships.AsNoTracking().GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var statuses = Enum.GetValues<SponsorshipStatus>();
        charts.Add(new Chart("sponsors", T["Sponsor pipeline"], "bar", statuses.Select(s => L.Label(s)).ToList(),
            [(T["Sponsors"], statuses.Select(s => pipeline.FirstOrDefault(p => p.Key == s)?.Count ?? 0).ToList())],
            T["{0} live, {1} in progress.", pipeline.Where(p => p.Key == SponsorshipStatus.Live).Sum(p => p.Count), pipeline.Where(p => p.Key is SponsorshipStatus.Applied or SponsorshipStatus.Approved).Sum(p => p.Count)]));

        if (c is not null)
        {
            var inPerson = types.Where(t => t.Kind == TicketKind.InPerson).Select(t => t.Id).ToHashSet();
            var soldInPerson = tickets.Count(t => t.Status == OrderStatus.Paid && inPerson.Contains(t.TicketTypeId));
            var days = Enumerable.Range(0, c.DayCount).Select(i => c.StartDate.AddDays(i)).ToList();
            charts.Add(new Chart("checkins", T["Check-ins on event days"], "bar", days.Select(d => T["{0:ddd MMM d}", d].Value).ToList(),
                [(T["Checked in"], days.Select(d => tickets.Count(t => t.CheckedInAt != null && Day(t.CheckedInAt.Value) == d)).ToList()),
                 (T["In-person tickets sold"], days.Select(_ => soldInPerson).ToList())],
                T["{0} of {1} in-person attendees checked in so far.", tickets.Count(t => t.CheckedInAt != null), soldInPerson]));
        }
        Charts = charts;

        Accounts = await db.Users.CountAsync(ct);
        var staff = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           group ur by r.Name into g
                           select new { Role = g.Key!, Count = g.Count() }).ToListAsync(ct);
        Staff = Roles.All.Select(r => (r, staff.FirstOrDefault(s => s.Role == r)?.Count ?? 0)).ToList();
        Outbox = await db.OutboundEmails.GroupBy(e => e.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public static string Money(long minor) => (minor / 100m).ToString("C0", System.Globalization.CultureInfo.GetCultureInfo("en-US"));

    public static string ChartJson(Chart chart) => System.Text.Json.JsonSerializer.Serialize(new
    {
        type = chart.Type,
        labels = chart.Labels,
        series = chart.Series.Select(s => new { name = s.Name, values = s.Values }),
    });
}

using AiEngineer.Core.Accounts;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Email;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin;

/// <summary>The organizers' front page: the conference record, accounts and staff, and the state of the outbox.</summary>
public class IndexModel(AppDbContext db, ConferenceContext conferences) : PageModel
{
    public ConferenceEvent? Conference { get; private set; }
    public int Accounts { get; private set; }
    public IReadOnlyList<(string Role, int Count)> Staff { get; private set; } = [];
    public IReadOnlyDictionary<OutboundEmailStatus, int> Outbox { get; private set; } = new Dictionary<OutboundEmailStatus, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Conference = await conferences.GetAsync(ct);
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
}

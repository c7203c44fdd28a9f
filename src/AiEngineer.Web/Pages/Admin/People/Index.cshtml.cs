using AiEngineer.Core.Accounts;
using AiEngineer.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.People;

/// <summary>Search every account by name or email: attendees, speakers, sponsor contacts and staff.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(string Id, string Email, string Name, DateTime CreatedAt, IReadOnlyList<string> Roles, int Orders, int Proposals, int Sponsorships);

    public string? Q { get; private set; }
    public string? Role { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(string? q, string? role, CancellationToken ct)
    {
        Q = q?.Trim();
        Role = role is not null && Roles.All.Contains(role) ? role : null;
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(Q))
        {
            var upper = Q.ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(upper) || (u.DisplayName != null && u.DisplayName.ToUpper().Contains(upper))
                || db.SpeakerProfiles.Any(p => p.UserId == u.Id && (p.DisplayName.ToUpper().Contains(upper) || p.Company.ToUpper().Contains(upper)))
                || db.Sponsorships.Any(s => s.ContactUserId == u.Id && s.CompanyName.ToUpper().Contains(upper)));
        }
        if (Role is not null)
        {
            var roleId = await db.Roles.Where(r => r.Name == Role).Select(r => r.Id).FirstAsync(ct);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }
        Total = await users.CountAsync(ct);
        var page = await users.OrderBy(u => u.Email).Take(100).Select(u => new
        {
            u.Id, u.Email, u.DisplayName, u.CreatedAt,
            Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            Orders = db.Orders.Count(o => o.UserId == u.Id || o.BuyerEmail == u.Email),
            Proposals = db.ProposalSpeakers.Count(s => s.UserId == u.Id),
            Sponsorships = db.Sponsorships.Count(s => s.ContactUserId == u.Id),
        }).ToListAsync(ct);
        Rows = page.Select(u => new Row(u.Id, u.Email ?? "", u.DisplayName ?? "", u.CreatedAt, u.Roles, u.Orders, u.Proposals, u.Sponsorships)).ToList();
    }
}

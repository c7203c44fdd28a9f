using System.Security.Claims;
using AiEngineer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.My.Agenda;

/// <summary>
/// What the star buttons on a page need: whether the visitor is signed in, which sessions they starred, and where to come
/// back to. Anonymous visitors get a link to the star's confirmation page instead of a form, so the page carries no
/// antiforgery token and stays in the public page cache.
/// </summary>
public sealed record StarView(bool SignedIn, IReadOnlySet<int> Starred, string ReturnUrl)
{
    /// <summary>The ViewData key the schedule's entries find it under.</summary>
    public const string Key = "AgendaStars";

    public static async Task<StarView> ForAsync(HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var returnUrl = http.Request.Path + http.Request.QueryString;
        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } me) return new(false, new HashSet<int>(), returnUrl);
        var starred = await db.SessionStars.AsNoTracking().Where(s => s.UserId == me).Select(s => s.ProposalId).ToListAsync(ct);
        return new(true, starred.ToHashSet(), returnUrl);
    }
}

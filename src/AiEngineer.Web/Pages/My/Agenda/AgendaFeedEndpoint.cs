using System.Globalization;
using AiEngineer.Core.Agenda;
using AiEngineer.Core.Data;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Pages.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Pages.My.Agenda;

/// <summary>
/// /agenda/{token}.ics: a person's starred sessions for their calendar app, which cannot sign in; the token is the
/// key. Built from the latest published version on every request, so moves show at the app's next poll.
/// </summary>
public static class AgendaFeedEndpoint
{
    public static void MapAgendaFeed(this WebApplication app) =>
        app.MapGet("/agenda/{token}.ics", async (string token, AppDbContext db, ConferenceContext conferences, ProgramStore store,
            IOptionsMonitor<SiteOptions> site, IStringLocalizer<AgendaText> T, HttpContext http, CancellationToken ct) =>
        {
            if (token.Length is < 32 or > 64) return Results.NotFound();
            var hash = AgendaFeed.Hash(token);
            var owner = await db.AgendaFeeds.AsNoTracking().Where(f => f.TokenHash == hash)
                .Join(db.Users, f => f.UserId, u => u.Id, (f, u) => new { u.Id, u.Language }).FirstOrDefaultAsync(ct);
            if (owner is null || await conferences.GetAsync(ct) is not { } c) return Results.NotFound();
            var program = await store.GetAsync(c, ct) ?? new();
            var starred = (await db.SessionStars.AsNoTracking().Where(s => s.UserId == owner.Id).Select(s => s.ProposalId).ToListAsync(ct)).ToHashSet();
            var sessions = program.Sessions.Where(s => s.ProposalId is { } id && starred.Contains(id));
            // The calendar's name in the account's language: the app asking has no cookie to say it.
            if (owner.Language is { Length: > 0 } language)
                try { CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language); }
                catch (CultureNotFoundException) { /* the site's default */ }
            var name = T["{0}: my agenda", c.LocalName].Value;
            // Calendar apps poll; a short private cache at most, so a revoked link or a move shows soon.
            http.Response.Headers.CacheControl = "private, max-age=300";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            return Results.Text(ScheduleFeeds.Calendar(c, program, sessions, site.CurrentValue, name), "text/calendar; charset=utf-8");
        });
}

using AiEngineer.Core.Cfp;
using AiEngineer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Cfp;

/// <summary>Queries the call-for-papers pages share: the call with its formats, and the window a speaker has for a format.</summary>
public static class CfpQueries
{
    public static Task<CallForPapers?> CallForPapersAsync(this AppDbContext db, int conferenceId, CancellationToken ct = default) =>
        db.CallsForPapers.AsNoTracking()
            .Include(c => c.Formats.OrderBy(f => f.SortOrder).ThenBy(f => f.Id))
            .FirstOrDefaultAsync(c => c.ConferenceEventId == conferenceId, ct);

    /// <summary>The call's window for <paramref name="format"/>, opened further by an access code issued to <paramref name="email"/>.</summary>
    public static async Task<SubmissionWindow> WindowAsync(this AppDbContext db, CallForPapers cfp, SessionFormat format,
        string? email, string? accessCode, DateTime now, CancellationToken ct = default)
    {
        var granted = false;
        if (!string.IsNullOrWhiteSpace(accessCode))
        {
            var code = AccessCode.Normalize(accessCode);
            var found = await db.AccessCodes.AsNoTracking().FirstOrDefaultAsync(a => a.CallForPapersId == cfp.Id && a.Code == code, ct);
            granted = found?.Grants(email, format.Id, now) == true;
        }
        return SubmissionWindow.For(cfp, format, granted);
    }

    /// <summary>Proposals the signed-in speaker is on; another speaker's proposal is simply not there.</summary>
    public static IQueryable<Proposal> ProposalsOf(this AppDbContext db, string userId) =>
        db.Proposals.Where(p => p.Speakers.Any(s => s.UserId == userId));
}

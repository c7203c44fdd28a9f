using AiEngineer.Core.Cfp;
using AiEngineer.Core.Data;
using AiEngineer.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Review;

/// <summary>What a reviewer may see: conflicts of interest are removed in the query, so a conflicted id answers 404.</summary>
public static class ReviewQueries
{
    /// <summary>
    /// The reviewer's company for conflicts: their reviewer profile, or else their speaker profile
    /// (a reviewer who also speaks should not have to say it twice).
    /// </summary>
    public static async Task<string> ReviewerCompanyAsync(this AppDbContext db, string userId, CancellationToken ct = default)
    {
        var own = await db.ReviewerProfiles.Where(r => r.UserId == userId).Select(r => r.Company).FirstOrDefaultAsync(ct);
        if (!string.IsNullOrWhiteSpace(own)) return own;
        return await db.SpeakerProfiles.Where(s => s.UserId == userId).Select(s => s.Company).FirstOrDefaultAsync(ct) ?? "";
    }

    /// <summary>Submitted (or decided) proposals without a conflict for this reviewer.</summary>
    public static IQueryable<Proposal> ReviewableBy(this AppDbContext db, string userId, string company)
    {
        var c = ReviewConflicts.NormalizeCompany(company);
        var q = db.Proposals.Where(p => p.State != ProposalState.Draft && p.State != ProposalState.Withdrawn
            && !p.Speakers.Any(s => s.UserId == userId));
        if (c.Length > 0)
            q = q.Where(p => !p.Speakers.Any(s => db.SpeakerProfiles.Any(sp => sp.UserId == s.UserId && sp.Company.Trim().ToLower() == c)));
        return q;
    }

    /// <summary>The conference's review settings, created with the defaults the first time anyone asks.</summary>
    public static async Task<ReviewSettings> ReviewSettingsAsync(this AppDbContext db, int conferenceId, CancellationToken ct = default)
    {
        var settings = await db.ReviewSettings.Include(s => s.Criteria.OrderBy(c => c.SortOrder).ThenBy(c => c.Id))
            .FirstOrDefaultAsync(s => s.ConferenceEventId == conferenceId, ct);
        if (settings is not null) return settings;
        settings = ReviewSettings.CreateDefault(conferenceId);
        db.ReviewSettings.Add(settings);
        await db.SaveChangesAsync(ct);
        return settings;
    }
}

namespace AiEngineer.Core.Review;

public sealed record AssignableProposal(int Id, int TrackId, IReadOnlyCollection<string> SpeakerUserIds, IReadOnlyCollection<string> SpeakerCompanies);

public sealed record AssignableReviewer(string UserId, string Company, IReadOnlyCollection<int> PreferredTrackIds);

/// <summary>Conflicts of interest: a reviewer never reviews their own proposal or one from a speaker at their company.</summary>
public static class ReviewConflicts
{
    public static string NormalizeCompany(string? company) => (company ?? "").Trim().ToLowerInvariant();

    public static bool IsConflicted(string reviewerUserId, string reviewerCompany, IReadOnlyCollection<string> speakerUserIds, IReadOnlyCollection<string> speakerCompanies)
    {
        if (speakerUserIds.Contains(reviewerUserId)) return true;
        var company = NormalizeCompany(reviewerCompany);
        return company.Length > 0 && speakerCompanies.Any(c => NormalizeCompany(c) == company);
    }
}

/// <summary>
/// Deterministic assignment: proposals in id order, each given to the least-loaded reviewers without a conflict;
/// among equally loaded reviewers, those who prefer the proposal's track come first, then by user id.
/// Existing assignments count toward both the load and the number per proposal, so pressing Assign twice adds nothing.
/// </summary>
public static class ReviewAssigner
{
    public static IReadOnlyList<(int ProposalId, string ReviewerUserId)> Assign(
        IReadOnlyList<AssignableProposal> proposals,
        IReadOnlyList<AssignableReviewer> reviewers,
        IReadOnlyCollection<(int ProposalId, string ReviewerUserId)> existing,
        int perProposal)
    {
        var load = reviewers.ToDictionary(r => r.UserId, r => existing.Count(e => e.ReviewerUserId == r.UserId), StringComparer.Ordinal);
        var taken = existing.ToHashSet();
        var added = new List<(int, string)>();
        foreach (var p in proposals.OrderBy(p => p.Id))
        {
            var need = perProposal - taken.Count(t => t.ProposalId == p.Id);
            if (need <= 0) continue;
            var chosen = reviewers
                .Where(r => !taken.Contains((p.Id, r.UserId)))
                .Where(r => !ReviewConflicts.IsConflicted(r.UserId, r.Company, p.SpeakerUserIds, p.SpeakerCompanies))
                .OrderBy(r => load[r.UserId])
                .ThenBy(r => r.PreferredTrackIds.Contains(p.TrackId) ? 0 : 1)
                .ThenBy(r => r.UserId, StringComparer.Ordinal)
                .Take(need)
                .ToList();
            foreach (var r in chosen)
            {
                taken.Add((p.Id, r.UserId));
                load[r.UserId]++;
                added.Add((p.Id, r.UserId));
            }
        }
        return added;
    }
}

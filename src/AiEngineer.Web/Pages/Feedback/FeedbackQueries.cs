using AiEngineer.Core.Data;
using AiEngineer.Core.Feedback;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Feedback;

/// <summary>A comment as the speakers and organizers read it: the rating beside it, never who wrote it.</summary>
public sealed record FeedbackComment(int Rating, string Text, DateTime UpdatedAt);

/// <summary>A session's feedback as its speakers see it: the numbers and the comments, anonymous.</summary>
public sealed record SessionFeedbackView(FeedbackSummary Summary, IReadOnlyList<FeedbackComment> Comments)
{
    public static readonly SessionFeedbackView Empty = new(FeedbackSummary.None, []);
}

/// <summary>The reads the speakers' and the organizers' pages share.</summary>
public static class FeedbackQueries
{
    /// <summary>The feedback on sessions <paramref name="userId"/> speaks in: ownership in the query, so another speaker's session gives nothing.</summary>
    public static IQueryable<SessionFeedback> FeedbackOnSessionsOf(this AppDbContext db, string userId) =>
        db.SessionFeedback.AsNoTracking().Where(f => db.ProposalSpeakers.Any(s => s.ProposalId == f.ProposalId && s.UserId == userId));

    /// <summary>Each session's numbers and comments; a session without feedback is not in it.</summary>
    public static async Task<Dictionary<int, SessionFeedbackView>> ViewsAsync(this IQueryable<SessionFeedback> feedback, CancellationToken ct)
    {
        var summaries = await feedback.SummariesAsync(ct);
        var comments = await feedback.CommentsAsync(ct);
        return summaries.ToDictionary(s => s.Key, s => new SessionFeedbackView(s.Value, comments.GetValueOrDefault(s.Key) ?? []));
    }

    /// <summary>Count, mean and distribution per session, from one GROUP BY.</summary>
    private static async Task<Dictionary<int, FeedbackSummary>> SummariesAsync(this IQueryable<SessionFeedback> feedback, CancellationToken ct)
    {
        var rows = await feedback.GroupBy(f => new { f.ProposalId, f.Rating })
            .Select(g => new { g.Key.ProposalId, g.Key.Rating, Count = g.Count() }).ToListAsync(ct);
        return rows.GroupBy(r => r.ProposalId).ToDictionary(g => g.Key, g => FeedbackSummary.Of(g.Select(r => (r.Rating, r.Count))));
    }

    /// <summary>The comments (those with text), newest first, with no trace of who wrote them.</summary>
    private static async Task<Dictionary<int, List<FeedbackComment>>> CommentsAsync(this IQueryable<SessionFeedback> feedback, CancellationToken ct)
    {
        var rows = await feedback.Where(f => f.Comment != "")
            .Select(f => new { f.ProposalId, f.Rating, f.Comment, f.UpdatedAt }).ToListAsync(ct);
        return rows.GroupBy(r => r.ProposalId).ToDictionary(g => g.Key,
            g => g.OrderByDescending(r => r.UpdatedAt).Select(r => new FeedbackComment(r.Rating, r.Comment, r.UpdatedAt)).ToList());
    }
}

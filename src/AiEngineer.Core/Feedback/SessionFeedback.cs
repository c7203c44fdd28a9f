using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiEngineer.Core.Feedback;

/// <summary>
/// A ticket holder's rating (1 to 5) and optional comment on a session they attended, one per person and session: giving
/// it again changes it. Never public: the session's speakers see ratings and comments without who wrote them, the
/// organizers see it all, without who wrote it either.
/// </summary>
public sealed class SessionFeedback
{
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int CommentMaxLength = 2000;
    public const int HolderKeyMaxLength = 80;

    public long Id { get; private set; }
    /// <summary>The session (its proposal), as the published program names it.</summary>
    public int ProposalId { get; private set; }
    /// <summary>Who gave it: <c>user:{id}</c> for an account, <c>ticket:{code}</c> through a ticket link. Shown to nobody.</summary>
    public string HolderKey { get; private set; } = "";
    public int Rating { get; private set; }
    /// <summary>Trimmed; empty when there is none.</summary>
    public string Comment { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    private SessionFeedback() { }

    /// <summary>A person's first feedback on a session; refused (<see cref="RuleException"/>) outside the window or with a bad rating or comment.</summary>
    public static SessionFeedback Give(int proposalId, string holderKey, int? rating, string? comment, FeedbackWindow window, DateTime now)
    {
        if (string.IsNullOrEmpty(holderKey) || holderKey.Length > HolderKeyMaxLength) throw new ArgumentException("A holder key is required.", nameof(holderKey));
        var feedback = new SessionFeedback { ProposalId = proposalId, HolderKey = holderKey, CreatedAt = now };
        feedback.Change(rating, comment, window, now);
        return feedback;
    }

    /// <summary>The person changes their rating or comment, while the window is open.</summary>
    public void Change(int? rating, string? comment, FeedbackWindow window, DateTime now)
    {
        if (window.ProblemAt(now) is { } closed) throw new RuleException(closed);
        var problems = new[] { ProblemWithRating(rating), ProblemWithComment(comment) }.OfType<Problem>().ToList();
        if (problems.Count > 0) throw new RuleException(Problem.Join(problems));
        Rating = rating!.Value;
        Comment = Normalize(comment);
        UpdatedAt = now;
    }

    public static Problem? ProblemWithRating(int? rating) =>
        rating is >= MinRating and <= MaxRating ? null : (Problem)$"Choose a rating from {MinRating} to {MaxRating}.";

    public static Problem? ProblemWithComment(string? comment) =>
        Normalize(comment).Length > CommentMaxLength ? (Problem)$"A comment can be at most {CommentMaxLength} characters." : null;

    /// <summary>Trimmed, with one kind of line ending, so the length counted is the length stored.</summary>
    public static string Normalize(string? comment) =>
        string.IsNullOrWhiteSpace(comment) ? "" : comment.ReplaceLineEndings("\n").Trim();
}

/// <summary>
/// When a session can be rated: from its published end until a week after the summit's last day (midnight after it, plus
/// <see cref="DaysAfterTheEvent"/> days, in the event's time zone).
/// </summary>
public readonly record struct FeedbackWindow(DateTime OpensAt, DateTime ClosesAt)
{
    public const int DaysAfterTheEvent = 7;

    public static readonly Problem NotYet = "Feedback on this session opens when it ends.";
    public static readonly Problem Closed = "Feedback on this session is closed: it stays open until a week after the summit.";

    public static FeedbackWindow For(ConferenceEvent conference, DateTime sessionEndsAt) =>
        new(sessionEndsAt, conference.ToUtc(conference.EndDate.AddDays(1 + DaysAfterTheEvent), TimeOnly.MinValue));

    public bool IsOpenAt(DateTime now) => ProblemAt(now) is null;

    public Problem? ProblemAt(DateTime now) => now < OpensAt ? NotYet : now >= ClosesAt ? Closed : null;
}

/// <summary>A session's ratings at a glance: how many, their mean, and how many of each from 1 to 5.</summary>
public sealed record FeedbackSummary(int Count, double Average, IReadOnlyList<int> Distribution)
{
    public static readonly FeedbackSummary None = new(0, 0, new int[SessionFeedback.MaxRating]);

    /// <summary>From (rating, how many) pairs, as a GROUP BY gives them; ratings out of range are left out.</summary>
    public static FeedbackSummary Of(IEnumerable<(int Rating, int Count)> counts)
    {
        var distribution = new int[SessionFeedback.MaxRating];
        foreach (var (rating, count) in counts)
            if (rating is >= SessionFeedback.MinRating and <= SessionFeedback.MaxRating) distribution[rating - 1] += count;
        var total = distribution.Sum();
        var average = total == 0 ? 0 : distribution.Select((n, i) => (double)n * (i + 1)).Sum() / total;
        return new(total, average, distribution);
    }

    /// <summary>How many gave this rating.</summary>
    public int CountOf(int rating) => Distribution[rating - 1];
}

internal sealed class SessionFeedbackConfiguration : IEntityTypeConfiguration<SessionFeedback>
{
    public void Configure(EntityTypeBuilder<SessionFeedback> b)
    {
        b.Property(f => f.HolderKey).HasMaxLength(SessionFeedback.HolderKeyMaxLength).IsRequired();
        b.Property(f => f.Comment).HasMaxLength(SessionFeedback.CommentMaxLength).IsRequired();
        b.HasOne<Proposal>().WithMany().HasForeignKey(f => f.ProposalId).OnDelete(DeleteBehavior.Cascade);
        // One per person and session: a second submit finds this row and changes it.
        b.HasIndex(f => new { f.ProposalId, f.HolderKey }).IsUnique();
    }
}

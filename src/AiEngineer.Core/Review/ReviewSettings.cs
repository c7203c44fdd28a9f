using AiEngineer.Core.Cfp;
using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Review;

/// <summary>How one conference reviews its proposals: the phase, anonymity, criteria and the confirm-by date.</summary>
public class ReviewSettings
{
    public static readonly string[] DefaultCriteria = ["Relevance to AI engineers", "Originality", "Clarity"];

    public int Id { get; set; }
    public int ConferenceEventId { get; set; }
    /// <summary>The organizer's switch; the optional dates narrow it further.</summary>
    public bool IsOpen { get; set; }
    /// <summary>UTC; scoring starts no earlier than this when set.</summary>
    public DateTime? OpensAt { get; set; }
    /// <summary>UTC; scoring stops at this instant when set.</summary>
    public DateTime? ClosesAt { get; set; }
    /// <summary>On by default: reviewers see no speaker identity.</summary>
    public bool Anonymous { get; set; } = true;
    public int ReviewersPerProposal { get; set; } = 3;
    /// <summary>UTC; accepted speakers confirm or decline before this instant.</summary>
    public DateTime? ConfirmBy { get; set; }

    public List<ReviewCriterion> Criteria { get; set; } = [];

    public bool IsOpenAt(DateTime now) =>
        IsOpen && (OpensAt is null || now >= OpensAt) && (ClosesAt is null || now < ClosesAt);

    public static ReviewSettings CreateDefault(int conferenceEventId) => new()
    {
        ConferenceEventId = conferenceEventId,
        Criteria = DefaultCriteria.Select((n, i) => new ReviewCriterion { Name = n, SortOrder = i }).ToList(),
    };

    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        if (OpensAt is { } o && ClosesAt is { } c && c <= o) problems.Add("Review must close after it opens.");
        if (ReviewersPerProposal is < 1 or > 10) problems.Add("Reviewers per proposal must be between 1 and 10.");
        if (Criteria.Count == 0) problems.Add("Define at least one criterion.");
        if (Criteria.Any(c => string.IsNullOrWhiteSpace(c.Name))) problems.Add("Every criterion needs a name.");
        return problems;
    }
}

public class ReviewCriterion
{
    public const int NameMaxLength = 80;
    public int Id { get; set; }
    public int ReviewSettingsId { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>
/// What a reviewer tells us about themself: their company (for conflicts of interest) and the tracks they prefer.
/// Kept apart from SpeakerProfile because most reviewers never speak, and a speaker profile is public.
/// </summary>
public class ReviewerProfile
{
    public const int CompanyMaxLength = 120;
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Company { get; set; } = "";
    public List<int> PreferredTrackIds { get; set; } = [];
}

/// <summary>A proposal given to a reviewer, by the automatic assignment or by hand.</summary>
public class ReviewAssignment
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public string ReviewerUserId { get; set; } = "";
    public DateTime AssignedAt { get; set; }
    public string AssignedByUserId { get; set; } = "";
}

/// <summary>One reviewer's scores and private comment on one proposal; changeable while review is open.</summary>
public class ProposalReview
{
    public const int CommentMaxLength = 4000;
    public const int MinScore = 1;
    public const int MaxScore = 5;

    public int Id { get; set; }
    public int ProposalId { get; set; }
    public string ReviewerUserId { get; set; } = "";
    public string Comment { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ReviewScore> Scores { get; set; } = [];

    /// <summary>Checks a set of scores against the criteria; returns the problems, empty when valid.</summary>
    public static IReadOnlyList<Problem> Validate(IReadOnlyList<ReviewCriterion> criteria, IReadOnlyDictionary<int, int> scores, string comment)
    {
        var problems = new List<Problem>();
        foreach (var c in criteria)
        {
            if (!scores.TryGetValue(c.Id, out var s)) problems.Add($"Give a score for “{c.Name}”.");
            else if (s is < MinScore or > MaxScore) problems.Add($"The score for “{c.Name}” must be between {MinScore} and {MaxScore}.");
        }
        if (scores.Keys.Any(k => criteria.All(c => c.Id != k))) problems.Add("A score was given for an unknown criterion.");
        if (comment.Length > CommentMaxLength) problems.Add($"The comment can be at most {CommentMaxLength} characters.");
        return problems;
    }

    /// <summary>Records (or changes) the scores; refused when review is closed or the input is invalid.</summary>
    public void Record(ReviewSettings settings, IReadOnlyDictionary<int, int> scores, string comment, DateTime now)
    {
        if (!settings.IsOpenAt(now)) throw new CfpRuleException("Review is closed; scores can no longer be changed.");
        var problems = Validate(settings.Criteria, scores, comment.Trim());
        if (problems.Count > 0) throw new CfpRuleException(Problem.Join(problems));
        foreach (var (criterionId, score) in scores)
        {
            var existing = Scores.FirstOrDefault(s => s.CriterionId == criterionId);
            if (existing is null) Scores.Add(new ReviewScore { CriterionId = criterionId, Score = score });
            else existing.Score = score;
        }
        Comment = comment.Trim();
        if (Id == 0 && CreatedAt == default) CreatedAt = now;
        UpdatedAt = now;
    }
}

public class ReviewScore
{
    public int Id { get; set; }
    public int ProposalReviewId { get; set; }
    public int CriterionId { get; set; }
    public int Score { get; set; }
}

public enum DecisionKind { Accepted = 0, Rejected = 1, Waitlisted = 2 }

/// <summary>A decision email waiting for an organizer to read and send it; sending moves it to the outbox.</summary>
public class DecisionNotification
{
    public const int SubjectMaxLength = 300;
    /// <summary>Room for the longest template with its placeholders filled.</summary>
    public const int BodyMaxLength = 40000;

    /// <summary>The email kind whose template drafts this decision's message.</summary>
    public static string EmailKindOf(DecisionKind kind) => "review." + kind.ToString().ToLowerInvariant();

    public int Id { get; set; }
    public int ProposalId { get; set; }
    public DecisionKind Kind { get; set; }
    public string ToUserId { get; set; } = "";
    public string ToEmail { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? SentByUserId { get; set; }

    public void MarkSent(string organizerId, DateTime now)
    {
        if (SentAt is not null) throw new CfpRuleException("This notification has already been sent.");
        SentAt = now;
        SentByUserId = organizerId;
    }
}

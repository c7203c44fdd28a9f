using AiEngineer.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiEngineer.Core.Qa;

/// <summary>
/// A question asked in a scheduled talk's Q&amp;A by a ticket holder, in the room or online. Others upvote it (one vote
/// each, <see cref="QuestionVote"/>); the session's speakers and the organizers mark it answered or hide it. The text is
/// stored as typed and always shown encoded.
/// </summary>
public class Question
{
    public const int TextMaxLength = 280;
    public const int AskerKeyMaxLength = 80;
    public const int AskerNameMaxLength = 80;
    /// <summary>How many questions one person may ask in <see cref="RateWindow"/> (every instance counts the same rows).</summary>
    public const int RateLimit = 3;
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    public long Id { get; set; }
    /// <summary>The talk (its proposal), as the published program names it.</summary>
    public int ProposalId { get; set; }
    /// <summary>Who asked: <c>user:{id}</c> for an account, <c>ticket:{code}</c> through a ticket link.</summary>
    public string AskerKey { get; set; } = "";
    /// <summary>The first name shown beside the question, or empty to ask anonymously.</summary>
    public string AskerName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime AskedAt { get; set; }
    /// <summary>Kept in step with the <see cref="QuestionVote"/> rows by one conditional UPDATE per vote.</summary>
    public int Votes { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public DateTime? HiddenAt { get; set; }
    /// <summary>The account that hid it; the audit log has the same.</summary>
    public string? HiddenByUserId { get; set; }

    public bool IsHidden => HiddenAt is not null;
    public bool IsAnswered => AnsweredAt is not null;

    /// <summary>What is wrong with a question's text, or null: empty, or longer than <see cref="TextMaxLength"/>.</summary>
    public static Problem? ProblemWith(string? text)
    {
        var t = Normalize(text);
        if (t.Length == 0) return "Write your question first.";
        if (t.Length > TextMaxLength) return $"A question can be at most {TextMaxLength} characters.";
        return null;
    }

    /// <summary>Trimmed, with runs of blank lines and control characters collapsed, so a question stays a few lines.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var clean = new string(text.Where(c => !char.IsControl(c) || c == '\n').ToArray()).ReplaceLineEndings("\n").Trim();
        while (clean.Contains("\n\n\n", StringComparison.Ordinal)) clean = clean.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        return clean;
    }

    public void MarkAnswered(DateTime now, bool answered) => AnsweredAt = answered ? AnsweredAt ?? now : null;

    public void Hide(string byUserId, DateTime now)
    {
        if (IsHidden) return;
        HiddenAt = now;
        HiddenByUserId = byUserId;
    }

    public void Unhide()
    {
        HiddenAt = null;
        HiddenByUserId = null;
    }
}

/// <summary>One person's upvote of a question; the unique index makes a second vote a no-op.</summary>
public class QuestionVote
{
    public long Id { get; set; }
    public long QuestionId { get; set; }
    public string VoterKey { get; set; } = "";
    public DateTime VotedAt { get; set; }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.Property(q => q.AskerKey).HasMaxLength(Question.AskerKeyMaxLength).IsRequired();
        b.Property(q => q.AskerName).HasMaxLength(Question.AskerNameMaxLength).IsRequired();
        b.Property(q => q.Text).HasMaxLength(Question.TextMaxLength).IsRequired();
        b.Property(q => q.HiddenByUserId).HasMaxLength(450);
        b.HasIndex(q => new { q.ProposalId, q.Votes });
        b.HasIndex(q => new { q.AskerKey, q.AskedAt });
    }
}

internal sealed class QuestionVoteConfiguration : IEntityTypeConfiguration<QuestionVote>
{
    public void Configure(EntityTypeBuilder<QuestionVote> b)
    {
        b.Property(v => v.VoterKey).HasMaxLength(Question.AskerKeyMaxLength).IsRequired();
        b.HasOne<Question>().WithMany().HasForeignKey(v => v.QuestionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.QuestionId, v.VoterKey }).IsUnique();
    }
}

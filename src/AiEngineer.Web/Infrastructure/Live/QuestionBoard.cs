using AiEngineer.Core.Audit;
using AiEngineer.Core.Data;
using AiEngineer.Core.Messages;
using AiEngineer.Core.Qa;
using AiEngineer.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Live;

/// <summary>
/// A talk's Q&amp;A: asking (length- and rate-limited per person), upvoting (one vote each, own questions excluded),
/// and moderation by the session's speakers and the organizers (answered, hidden; hiding is audited). Every change is
/// published on the talk's topic (<see cref="Topic"/>), so every open Q&amp;A page and presenter view refreshes.
/// </summary>
public sealed class QuestionBoard(AppDbContext db, ILiveBus bus, TimeProvider time, IHttpContextAccessor http)
{
    public static string Topic(int proposalId) => $"qa:{proposalId}";

    public enum Moderation { Answered, Reopened, Hidden, Shown }

    /// <summary>Why no question can be asked once the summit is over (the questions stay readable).</summary>
    public static readonly Problem Closed = "The summit is over; its Q&A is closed.";

    /// <summary>The visible questions (all of them for a moderator), open ones by votes then age, answered ones last.</summary>
    public async Task<List<Question>> ListAsync(int proposalId, bool moderator, CancellationToken ct)
    {
        var query = db.Questions.AsNoTracking().Where(q => q.ProposalId == proposalId);
        if (!moderator) query = query.Where(q => q.HiddenAt == null);
        return await query.OrderBy(q => q.AnsweredAt != null).ThenByDescending(q => q.Votes).ThenBy(q => q.AskedAt).ThenBy(q => q.Id)
            .Take(500).ToListAsync(ct);
    }

    /// <summary>The voter's votes among these questions, to show which they already upvoted.</summary>
    public async Task<HashSet<long>> VotedAsync(string voterKey, IReadOnlyCollection<long> questionIds, CancellationToken ct) =>
        (await db.QuestionVotes.AsNoTracking().Where(v => v.VoterKey == voterKey && questionIds.Contains(v.QuestionId))
            .Select(v => v.QuestionId).ToListAsync(ct)).ToHashSet();

    public async Task<Problem?> AskAsync(int proposalId, TicketHolders.Holder asker, string? text, bool anonymous, CancellationToken ct)
    {
        if (Question.ProblemWith(text) is { } problem) return problem;
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - Question.RateWindow;
        if (await db.Questions.CountAsync(q => q.AskerKey == asker.Key && q.AskedAt > since, ct) >= Question.RateLimit)
            return new Problem("You can ask {0} questions a minute. Wait a moment, then ask again.", Question.RateLimit);
        var name = anonymous ? "" : TicketHolders.FirstName(asker.Name);
        var question = new Question
        {
            ProposalId = proposalId, AskerKey = asker.Key, AskerName = name.Length > Question.AskerNameMaxLength ? name[..Question.AskerNameMaxLength] : name,
            Text = Question.Normalize(text), AskedAt = now,
        };
        db.Questions.Add(question);
        await db.SaveChangesAsync(ct);
        await bus.PublishAsync(Topic(proposalId), new { kind = "asked", id = question.Id }, ct);
        return null;
    }

    /// <summary>Adds the voter's upvote; a second vote by the same person changes nothing.</summary>
    public async Task<Problem?> VoteAsync(int proposalId, long questionId, TicketHolders.Holder voter, CancellationToken ct)
    {
        var question = await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == questionId && q.ProposalId == proposalId && q.HiddenAt == null, ct);
        if (question is null) return "That question is not in this Q&A.";
        if (question.AskerKey == voter.Key) return "You cannot upvote your own question.";
        if (await db.QuestionVotes.AnyAsync(v => v.QuestionId == questionId && v.VoterKey == voter.Key, ct)) return null;

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.QuestionVotes.Add(new QuestionVote { QuestionId = questionId, VoterKey = voter.Key, VotedAt = time.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same person voting twice at once: the unique index kept one vote.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (await db.QuestionVotes.AnyAsync(v => v.QuestionId == questionId && v.VoterKey == voter.Key, ct)) return null;
                throw;
            }
            await db.Questions.Where(q => q.Id == questionId).ExecuteUpdateAsync(s => s.SetProperty(q => q.Votes, q => q.Votes + 1), ct);
            await transaction.CommitAsync(ct);
        }
        var votes = await db.Questions.Where(q => q.Id == questionId).Select(q => q.Votes).FirstAsync(ct);
        await bus.PublishAsync(Topic(proposalId), new { kind = "voted", id = questionId, votes }, ct);
        return null;
    }

    /// <summary>
    /// A moderator's action on a question of this talk. Hiding and showing again are written to the audit log for
    /// speakers as well as organizers (whose every change the audit interceptor records anyway).
    /// </summary>
    public async Task<Problem?> ModerateAsync(int proposalId, long questionId, Moderation action, string moderatorUserId, bool isOrganizer, CancellationToken ct)
    {
        var question = await db.Questions.FirstOrDefaultAsync(q => q.Id == questionId && q.ProposalId == proposalId, ct);
        if (question is null) return "That question is not in this Q&A.";
        var now = time.GetUtcNow().UtcDateTime;
        var wasHidden = question.IsHidden;
        switch (action)
        {
            case Moderation.Answered: question.MarkAnswered(now, true); break;
            case Moderation.Reopened: question.MarkAnswered(now, false); break;
            case Moderation.Hidden: question.Hide(moderatorUserId, now); break;
            case Moderation.Shown: question.Unhide(); break;
        }
        if (!isOrganizer && wasHidden != question.IsHidden)
        {
            var user = http.HttpContext?.User;
            db.Add(new AuditEntry
            {
                At = now, UserId = moderatorUserId,
                UserName = user?.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? user?.Identity?.Name ?? "",
                Action = AuditAction.Modified, EntityType = nameof(Question), EntityId = question.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Changes = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?[]>
                {
                    [nameof(Question.HiddenAt)] = [wasHidden ? "hidden" : null, question.IsHidden ? question.HiddenAt!.Value.ToString("O") : null],
                }),
                Path = ($"/talks/qa?handler={action}").Length <= AuditEntry.PathMaxLength ? $"/talks/qa?handler={action}" : "/talks/qa",
            });
        }
        await db.SaveChangesAsync(ct);
        await bus.PublishAsync(Topic(proposalId), new { kind = "moderated", id = questionId }, ct);
        return null;
    }
}

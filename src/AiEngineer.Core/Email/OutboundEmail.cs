using System.Linq.Expressions;
using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Email;

public enum OutboundEmailStatus
{
    Queued = 0,
    Sending = 1,
    Sent = 2,
    Failed = 3,
    Cancelled = 4,
}

/// <summary>
/// One message in the durable outbox. Saved in the same SaveChanges as the change that caused it,
/// then claimed by a worker under a lease, sent, and marked sent or failed.
/// </summary>
public class OutboundEmail
{
    public const int AddressMaxLength = 320;
    public const int NameMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int KindMaxLength = 60;
    public const int ErrorMaxLength = 2000;
    public const int LeaseOwnerMaxLength = 100;

    /// <summary>After this many failed attempts a transient failure becomes permanent.</summary>
    public const int MaxAttempts = 8;
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    private OutboundEmail() { }

    public long Id { get; private set; }
    /// <summary>Stable across retries, used as the Message-ID so a receiver can spot a repeat.</summary>
    public Guid MessageId { get; private set; }
    public string ToAddress { get; private set; } = "";
    public string? ToName { get; private set; }
    public string Subject { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    /// <summary>What kind of message this is (account.confirm, cfp.receipt, …), for filtering and templates.</summary>
    public string Kind { get; private set; } = "";
    public OutboundEmailStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SentAt { get; private set; }
    public string? LeaseOwner { get; private set; }
    public DateTime? LeaseUntil { get; private set; }
    /// <summary>Set on messages an organizer wrote to a segment.</summary>
    public int? BroadcastId { get; private set; }
    public Broadcast? Broadcast { get; private set; }

    public static OutboundEmail Create(string toAddress, string? toName, string subject, string htmlBody, string textBody, string kind, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(toAddress) || !toAddress.Contains('@'))
            throw new ArgumentException("An email needs a recipient address.", nameof(toAddress));
        if (string.IsNullOrWhiteSpace(subject)) throw new ArgumentException("An email needs a subject.", nameof(subject));
        return new OutboundEmail
        {
            MessageId = Guid.NewGuid(),
            ToAddress = toAddress.Trim(),
            ToName = string.IsNullOrWhiteSpace(toName) ? null : Truncate(toName.Trim(), NameMaxLength),
            Subject = Truncate(subject, SubjectMaxLength),
            HtmlBody = htmlBody,
            TextBody = textBody,
            Kind = kind,
            Status = OutboundEmailStatus.Queued,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    /// <summary>Marks this message as one of a broadcast's, not to be sent before <paramref name="dueAt"/> (the send rate).</summary>
    public OutboundEmail PartOf(Broadcast broadcast, DateTime dueAt)
    {
        EnsureStatus(OutboundEmailStatus.Queued, "add to a broadcast");
        Broadcast = broadcast;
        NextAttemptAt = dueAt;
        return this;
    }

    /// <summary>Queued rows due at <paramref name="now"/>.</summary>
    public static Expression<Func<OutboundEmail, bool>> DueAt(DateTime now) =>
        e => e.Status == OutboundEmailStatus.Queued && e.NextAttemptAt <= now;

    /// <summary>Rows still sending under a lease that ran out before <paramref name="now"/> (their worker died or stalled).</summary>
    public static Expression<Func<OutboundEmail, bool>> LeaseRunOutAt(DateTime now) =>
        e => e.Status == OutboundEmailStatus.Sending && e.LeaseUntil < now;

    /// <summary>Rows a worker may claim at <paramref name="now"/>: <see cref="DueAt"/> or <see cref="LeaseRunOutAt"/>.</summary>
    public static Expression<Func<OutboundEmail, bool>> ClaimableAt(DateTime now)
    {
        var (due, runOut) = (DueAt(now), LeaseRunOutAt(now));
        var e = due.Parameters[0];
        return Expression.Lambda<Func<OutboundEmail, bool>>(
            Expression.OrElse(due.Body, Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(runOut.Parameters[0], e, runOut.Body)), e);
    }

    public void MarkSent(DateTime now)
    {
        EnsureStatus(OutboundEmailStatus.Sending, "mark as sent");
        Status = OutboundEmailStatus.Sent;
        Attempts++;
        SentAt = now;
        LastError = null;
        ReleaseLease();
    }

    /// <summary>The server could not take it now (down, busy, greylisting): try again later with exponential backoff.</summary>
    public void RecordTransientFailure(string error, DateTime now)
    {
        EnsureStatus(OutboundEmailStatus.Sending, "record a failure for");
        Attempts++;
        LastError = Truncate(error, ErrorMaxLength);
        ReleaseLease();
        if (Attempts >= MaxAttempts)
        {
            Status = OutboundEmailStatus.Failed;
            return;
        }
        Status = OutboundEmailStatus.Queued;
        NextAttemptAt = now + RetryDelay(Attempts);
    }

    /// <summary>The server refused it for good (bad address, rejected content): keep it, marked failed, for a person to look at.</summary>
    public void RecordPermanentFailure(string error, DateTime now)
    {
        EnsureStatus(OutboundEmailStatus.Sending, "record a failure for");
        Attempts++;
        LastError = Truncate(error, ErrorMaxLength);
        Status = OutboundEmailStatus.Failed;
        NextAttemptAt = now;
        ReleaseLease();
    }

    /// <summary>Puts a failed message back in the queue, due now.</summary>
    public void Retry(DateTime now)
    {
        if (Status != OutboundEmailStatus.Failed) throw new RuleException($"Only a failed email can be sent again; this one is {Status}.");
        Status = OutboundEmailStatus.Queued;
        Attempts = 0;
        NextAttemptAt = now;
    }

    public void Cancel()
    {
        if (Status != OutboundEmailStatus.Queued) throw new RuleException($"Only a queued email can be cancelled; this one is {Status}.");
        Status = OutboundEmailStatus.Cancelled;
    }

    /// <summary>30 s, 1 min, 2 min, … capped at an hour.</summary>
    public static TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        var delay = TimeSpan.FromTicks((long)(FirstRetryDelay.Ticks * factor));
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }

    private void ReleaseLease()
    {
        LeaseOwner = null;
        LeaseUntil = null;
    }

    /// <summary>For the worker's own steps: a failure here is a bug, not something to tell an organizer.</summary>
    private void EnsureStatus(OutboundEmailStatus expected, string action)
    {
        if (Status != expected)
            throw new InvalidOperationException($"Cannot {action} an email that is {Status}.");
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

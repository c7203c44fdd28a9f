using System.Linq.Expressions;
using AiEngineer.Core.Data;
using AiEngineer.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AiEngineer.Web.Infrastructure.Email;

/// <summary>
/// Sends the outbox. Each message is claimed with a conditional update (a lease), so any number of
/// workers in any number of app instances share one table without sending a message twice.
/// </summary>
public sealed class OutboxWorker(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    OutboxSignal signal,
    TimeProvider time,
    IOptionsMonitor<EmailOptions> options,
    ILogger<OutboxWorker> log) : BackgroundService
{
    /// <summary>Names this worker in leases: unique per process and per worker.</summary>
    public string InstanceId { get; } = LeaseName();

    private static string LeaseName()
    {
        var name = $"{Guid.NewGuid():N}/{Environment.ProcessId}/{Environment.MachineName}";
        return name.Length <= OutboundEmail.LeaseOwnerMaxLength ? name : name[..OutboundEmail.LeaseOwnerMaxLength];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await ProcessBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be down; keep the worker alive and try again at the next poll.
                log.LogWarning(ex, "Outbox pass failed");
            }
            if (sent > 0) continue; // a full batch may mean more is waiting
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(options.CurrentValue.Outbox.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Claims due messages and sends them. Returns how many were attempted.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        var settings = options.CurrentValue;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;

        // One statement claims the whole batch (the rows another worker claimed meanwhile fail the condition again and
        // stay with it), and one query loads what this pass got: two round trips per batch rather than three per message.
        // The candidates are two range reads of the (Status, NextAttemptAt) index, leases run out first, then due mail
        // oldest first: one condition with an OR could not use the index's order, and behind a backlog PostgreSQL read
        // the whole table for every batch.
        var leaseUntil = now.AddSeconds(settings.Outbox.LeaseSeconds);
        var batchSize = settings.Outbox.BatchSize;
        var leaseRunOut = db.OutboundEmails.Where(OutboundEmail.LeaseRunOutAt(now))
            .Select(e => e.Id).Take(batchSize);
        var queued = db.OutboundEmails.Where(OutboundEmail.DueAt(now))
            .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id)
            .Select(e => e.Id).Take(batchSize);
        var due = leaseRunOut.Concat(queued).Take(batchSize);
        var claimed = await db.OutboundEmails
            .Where(e => due.Contains(e.Id))
            .Where(OutboundEmail.ClaimableAt(now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, OutboundEmailStatus.Sending)
                .SetProperty(e => e.LeaseOwner, InstanceId)
                .SetProperty(e => e.LeaseUntil, leaseUntil), ct);
        if (claimed == 0) return 0;
        // Untracked: each message is attached just before its outcome is recorded, so a save looks at that one message.
        Expression<Func<OutboundEmail, bool>> heldByThisPass =
            e => e.Status == OutboundEmailStatus.Sending && e.LeaseOwner == InstanceId && e.LeaseUntil == leaseUntil;
        var batch = await db.OutboundEmails.AsNoTracking()
            .Where(heldByThisPass)
            .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id)
            .ToListAsync(ct);

        var attempted = 0;
        foreach (var email in batch)
        {
            // A batch that outlasts its lease stops here: what is left becomes claimable again, by any worker.
            if (ct.IsCancellationRequested || time.GetUtcNow().UtcDateTime >= leaseUntil) break;
            attempted++;
            db.Attach(email);
            try
            {
                await transport.SendAsync(ToMime(email, settings), ct);
                email.MarkSent(time.GetUtcNow().UtcDateTime);
                log.LogInformation("Sent email {EmailId} ({Kind})", email.Id, email.Kind);
            }
            catch (PermanentMailException ex)
            {
                email.RecordPermanentFailure(ex.Message, time.GetUtcNow().UtcDateTime);
                log.LogWarning("Email {EmailId} ({Kind}) failed for good: {Reason}", email.Id, email.Kind, ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                email.RecordTransientFailure(ex.Message, time.GetUtcNow().UtcDateTime);
                log.LogWarning("Email {EmailId} ({Kind}) will be retried at {NextAttempt:o}: {Reason}", email.Id, email.Kind, email.NextAttemptAt, ex.Message);
            }
            try
            {
                // CancellationToken.None: what was sent must be recorded even while shutting down.
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Our lease ran out and another worker took the message over; it owns the outcome now.
                log.LogWarning("Lost the lease on email {EmailId} before recording the outcome", email.Id);
            }
            db.Entry(email).State = EntityState.Detached; // saved or given up: the next save is only the next message's
        }
        if (attempted < batch.Count)
        {
            // Stopped early (shutting down, or the lease ran out): what this pass did not try goes back to the queue now,
            // rather than waiting out the lease; a row another worker has taken over meanwhile is left to it.
            var untried = batch.Skip(attempted).Select(e => e.Id).ToList();
            await db.OutboundEmails
                .Where(e => untried.Contains(e.Id)).Where(heldByThisPass)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Status, OutboundEmailStatus.Queued)
                    .SetProperty(e => e.LeaseOwner, (string?)null)
                    .SetProperty(e => e.LeaseUntil, (DateTime?)null), CancellationToken.None);
        }
        return attempted;
    }

    public static MimeMessage ToMime(OutboundEmail email, EmailOptions settings)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(email.ToName ?? "", email.ToAddress));
        message.Subject = email.Subject;
        message.MessageId = $"{email.MessageId:N}@{settings.From.Split('@').Last()}";
        message.Date = new DateTimeOffset(email.CreatedAt, TimeSpan.Zero);
        message.Headers.Add("X-AIE-Kind", email.Kind);
        var body = new BodyBuilder { HtmlBody = email.HtmlBody, TextBody = email.TextBody };
        message.Body = body.ToMessageBody();
        return message;
    }
}

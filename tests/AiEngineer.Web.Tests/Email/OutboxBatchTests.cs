using AiEngineer.Core.Email;
using AiEngineer.Web.Infrastructure.Email;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AiEngineer.Web.Tests.Email;

/// <summary>
/// A worker claims a batch in one statement and sends it message by message: what happens to one message (its lease
/// taken over, the lease running out) must not spill onto the rest of the batch.
/// </summary>
public class OutboxBatchTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SmtpSink _smtp = null!;
    private SiteFactory _site = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _smtp = new SmtpSink();
        // The hosted worker is off: each test drives its own worker with its own transport.
        _site = new SiteFactory(_database, _smtp) { Settings = { ["Email:Outbox:Enabled"] = "false" } };
        _ = _site.Services;
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Records what it is given; before sending a message it runs the test's interference, if any.</summary>
    private sealed class RecordingTransport(Func<MimeMessage, Task>? before = null) : IMailTransport
    {
        public List<string> Subjects { get; } = [];

        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            if (before is not null) await before(message);
            Subjects.Add(message.Subject ?? "");
        }
    }

    private OutboxWorker Worker(IMailTransport transport) => new(
        _site.Services.GetRequiredService<IServiceScopeFactory>(), transport, _site.Services.GetRequiredService<OutboxSignal>(),
        _site.Time, _site.Services.GetRequiredService<IOptionsMonitor<EmailOptions>>(), NullLogger<OutboxWorker>.Instance);

    private Task EnqueueAsync(int count, int first = 0) => _site.WithDbAsync(async db =>
    {
        for (var i = first; i < first + count; i++)
        {
            db.OutboundEmails.Add(EmailComposer.Compose($"person{i}@example.com", null, $"Message {i}", "<p>Hi</p>", "test.batch", _site.Time.GetUtcNow().UtcDateTime));
            _site.Time.Advance(TimeSpan.FromMilliseconds(1)); // a definite order of sending
        }
        await db.SaveChangesAsync();
    });

    private Task<List<OutboundEmail>> EmailsAsync() =>
        _site.WithDbAsync(db => db.OutboundEmails.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task A_message_whose_lease_another_worker_took_over_is_left_to_it_and_the_rest_of_the_batch_is_recorded()
    {
        await EnqueueAsync(4);
        var transport = new RecordingTransport(async message =>
        {
            if (message.Subject != "Message 1") return;
            // While this worker sends message 1, another worker takes it over.
            await _site.WithDbAsync(db => db.OutboundEmails.Where(e => e.Subject == "Message 1")
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseOwner, "another-worker")));
        });

        Assert.Equal(4, await Worker(transport).ProcessBatchAsync(CancellationToken.None));

        Assert.Equal(["Message 0", "Message 1", "Message 2", "Message 3"], transport.Subjects);
        var emails = await EmailsAsync();
        Assert.Equal([OutboundEmailStatus.Sent, OutboundEmailStatus.Sending, OutboundEmailStatus.Sent, OutboundEmailStatus.Sent],
            emails.Select(e => e.Status));
        Assert.Equal("another-worker", emails[1].LeaseOwner);
    }

    [Fact]
    public async Task A_batch_that_outlasts_its_lease_stops_and_what_is_left_is_sent_by_the_next_pass()
    {
        await EnqueueAsync(3);
        var lease = TimeSpan.FromSeconds(_site.Services.GetRequiredService<IOptionsMonitor<EmailOptions>>().CurrentValue.Outbox.LeaseSeconds);
        // The first message takes longer than the whole lease.
        var transport = new RecordingTransport(message =>
        {
            if (message.Subject == "Message 0") _site.Time.Advance(lease + TimeSpan.FromSeconds(1));
            return Task.CompletedTask;
        });
        var worker = Worker(transport);

        Assert.Equal(1, await worker.ProcessBatchAsync(CancellationToken.None));
        var emails = await EmailsAsync();
        Assert.Equal([OutboundEmailStatus.Sent, OutboundEmailStatus.Queued, OutboundEmailStatus.Queued], emails.Select(e => e.Status));
        Assert.All(emails.Skip(1), e => Assert.Null(e.LeaseOwner));

        // The other two are back in the queue, for this worker or any other, and each goes once.
        var other = new RecordingTransport();
        Assert.Equal(2, await Worker(other).ProcessBatchAsync(CancellationToken.None));
        Assert.Equal(["Message 0"], transport.Subjects);
        Assert.Equal(["Message 1", "Message 2"], other.Subjects);
        Assert.All(await EmailsAsync(), e => Assert.Equal(OutboundEmailStatus.Sent, e.Status));
    }

    [Fact]
    public async Task A_worker_shutting_down_mid_batch_puts_what_it_did_not_try_back_in_the_queue_at_once()
    {
        await EnqueueAsync(3);
        using var stopping = new CancellationTokenSource();
        // The app starts shutting down while the first message is being sent.
        var transport = new RecordingTransport(async message =>
        {
            if (message.Subject == "Message 0") await stopping.CancelAsync();
        });

        Assert.Equal(1, await Worker(transport).ProcessBatchAsync(stopping.Token));

        Assert.Equal(["Message 0"], transport.Subjects);
        var emails = await EmailsAsync();
        Assert.Equal([OutboundEmailStatus.Sent, OutboundEmailStatus.Queued, OutboundEmailStatus.Queued], emails.Select(e => e.Status));
        Assert.All(emails.Skip(1), e => Assert.Null(e.LeaseUntil));
        // Another instance sends them now, without waiting for a lease to run out.
        var other = new RecordingTransport();
        Assert.Equal(2, await Worker(other).ProcessBatchAsync(CancellationToken.None));
        Assert.Equal(["Message 1", "Message 2"], other.Subjects);
    }

    [Fact]
    public async Task A_pass_claims_at_most_a_batch_and_leaves_the_rest_queued()
    {
        var batchSize = _site.Services.GetRequiredService<IOptionsMonitor<EmailOptions>>().CurrentValue.Outbox.BatchSize;
        await EnqueueAsync(batchSize + 3);
        var transport = new RecordingTransport();

        Assert.Equal(batchSize, await Worker(transport).ProcessBatchAsync(CancellationToken.None));
        var emails = await EmailsAsync();
        Assert.All(emails.Take(batchSize), e => Assert.Equal(OutboundEmailStatus.Sent, e.Status));
        Assert.All(emails.Skip(batchSize), e => Assert.Equal(OutboundEmailStatus.Queued, e.Status));
        Assert.Equal(Enumerable.Range(0, batchSize).Select(i => $"Message {i}"), transport.Subjects);
    }

    [Fact]
    public async Task Mail_a_dead_worker_held_is_left_while_its_lease_runs_and_taken_up_once_it_has_run_out_even_behind_a_full_batch()
    {
        var batchSize = _site.Services.GetRequiredService<IOptionsMonitor<EmailOptions>>().CurrentValue.Outbox.BatchSize;
        await EnqueueAsync(batchSize + 1);
        // A worker on another instance claimed the newest message and died with it.
        await _site.WithDbAsync(db => db.OutboundEmails.Where(e => e.Subject == $"Message {batchSize}").ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, OutboundEmailStatus.Sending)
            .SetProperty(e => e.LeaseOwner, "dead-worker")
            .SetProperty(e => e.LeaseUntil, _site.Time.GetUtcNow().UtcDateTime.AddMinutes(1))));

        var first = new RecordingTransport();
        Assert.Equal(batchSize, await Worker(first).ProcessBatchAsync(CancellationToken.None));
        Assert.Equal(Enumerable.Range(0, batchSize).Select(i => $"Message {i}"), first.Subjects);
        Assert.Equal("dead-worker", (await EmailsAsync()).Last().LeaseOwner);

        // A full batch of newer mail is waiting when the lease runs out: the abandoned message is in the next batch anyway.
        await EnqueueAsync(batchSize, first: batchSize + 1);
        _site.Time.Advance(TimeSpan.FromMinutes(2));
        var second = new RecordingTransport();
        Assert.Equal(batchSize, await Worker(second).ProcessBatchAsync(CancellationToken.None));
        Assert.Contains($"Message {batchSize}", second.Subjects);
        var left = Assert.Single(await EmailsAsync(), e => e.Status != OutboundEmailStatus.Sent);
        Assert.Equal((OutboundEmailStatus.Queued, $"Message {2 * batchSize}"), (left.Status, left.Subject));
    }
}

using AiEngineer.Core.Email;
using AiEngineer.Web.Infrastructure.Email;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiEngineer.Web.Tests.Email;

/// <summary>Two app instances on one database: their workers never send the same message twice.</summary>
public class TwoWorkersTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SmtpSink _smtp = null!;
    private SiteFactory _a = null!, _b = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _smtp = new SmtpSink();
        // The hosted workers are off: the test drives both workers' passes at the same moment.
        _a = new SiteFactory(_database, _smtp) { Settings = { ["Email:Outbox:Enabled"] = "false", ["Email:Outbox:BatchSize"] = "50" } };
        _b = new SiteFactory(_database, _smtp) { Settings = { ["Email:Outbox:Enabled"] = "false", ["Email:Outbox:BatchSize"] = "50" } };
        _ = _a.Services;
        _ = _b.Services;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Forty_messages_raced_by_two_workers_are_each_delivered_exactly_once()
    {
        const int count = 40;
        await _a.WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
                db.OutboundEmails.Add(EmailComposer.Compose($"person{i}@example.com", null, $"Message {i}", "<p>Hi</p>", "test.race", _a.Time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });

        var workerA = _a.Services.GetRequiredService<OutboxWorker>();
        var workerB = _b.Services.GetRequiredService<OutboxWorker>();
        Assert.NotEqual(workerA.InstanceId, workerB.InstanceId);

        var attempted = 0;
        for (var round = 0; round < 10 && attempted < count; round++)
        {
            var results = await Task.WhenAll(
                Task.Run(() => workerA.ProcessBatchAsync(CancellationToken.None)),
                Task.Run(() => workerB.ProcessBatchAsync(CancellationToken.None)));
            attempted += results.Sum();
        }

        Assert.Equal(count, attempted);
        Assert.Equal(count, _smtp.Messages.Count);
        Assert.Equal(count, _smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        var statuses = await _a.WithDbAsync(db => db.OutboundEmails.Select(e => e.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(OutboundEmailStatus.Sent, s));
    }
}

using AiEngineer.Core.Email;
using AiEngineer.Web.Infrastructure.Email;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Email;

/// <summary>The SMTP server is down, the app restarts in the middle, the server comes back: every message arrives once.</summary>
public class SmtpOutageRestartTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SmtpSink _smtp = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _smtp = new SmtpSink();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Mail_queued_during_an_outage_survives_a_restart_and_is_delivered_exactly_once()
    {
        const int count = 12;
        await _smtp.StopAsync();
        var first = new SiteFactory(_database, _smtp);
        await first.WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
                db.OutboundEmails.Add(EmailComposer.Compose($"outage{i}@example.com", null, $"Outage {i}", "<p>Hi</p>", "test.outage", first.Time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });
        // The first instance tries, fails against the dead server and schedules retries.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && await first.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.Attempts == 0)) > 0)
            await Task.Delay(100);
        Assert.Equal(0, await first.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.Attempts == 0)));
        Assert.Empty(_smtp.Messages);

        // The app goes down (mid-lease, perhaps) and comes back as a new process on the same database.
        await first.DisposeAsync();
        _smtp.Start();
        await using var second = new SiteFactory(_database, _smtp);
        _ = second.Services;
        // Past the retry backoff and any lease the first instance still held.
        second.Time.Advance(TimeSpan.FromMinutes(3));
        await _smtp.WaitForCountAsync(count);
        await Task.Delay(800);

        Assert.Equal(count, _smtp.Messages.Count);
        Assert.Equal(count, _smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        for (var i = 0; i < count; i++) Assert.Single(_smtp.To($"outage{i}@example.com"));
        var statuses = await second.WithDbAsync(db => db.OutboundEmails.Select(e => e.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(OutboundEmailStatus.Sent, s));
    }
}

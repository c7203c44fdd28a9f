using AiEngineer.Core.Email;
using AiEngineer.Web.Infrastructure.Email;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Email;

public class OutboxDeliveryTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private SiteFactory Site => fixture.Site;

    private Task<long> EnqueueAsync(string to, string subject, string bodyHtml = "<p>Hello <strong>there</strong>. <a href=\"https://example.com/x\">Open</a></p>") =>
        Site.WithDbAsync(async db =>
        {
            var email = EmailComposer.Compose(to, "Ada Lovelace", subject, bodyHtml, "test.hello", Site.Time.GetUtcNow().UtcDateTime);
            db.OutboundEmails.Add(email);
            await db.SaveChangesAsync();
            return email.Id;
        });

    private Task<OutboundEmail> LoadAsync(long id) =>
        Site.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == id));

    private async Task<OutboundEmail> WaitForStatusAsync(long id, Func<OutboundEmail, bool> done, int timeoutSeconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var email = await LoadAsync(id);
            if (done(email)) return email;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Email {id} is still {email.Status} (attempts {email.Attempts}, error {email.LastError}).");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_queued_email_is_delivered_over_smtp_with_its_content()
    {
        var id = await EnqueueAsync("ada@example.com", "Your summit update");

        var message = await fixture.Smtp.WaitForAsync("ada@example.com", m => m.Subject == "Your summit update");
        Assert.Equal("Ada Lovelace", message.To.Mailboxes.Single().Name);
        Assert.Equal("summit@example.com", message.From.Mailboxes.Single().Address);
        Assert.Contains("Hello <strong>there</strong>", message.HtmlBody);
        Assert.Contains("Open (https://example.com/x)", message.TextBody);
        Assert.Equal("test.hello", message.Headers["X-AIE-Kind"]);

        var stored = await WaitForStatusAsync(id, e => e.Status == OutboundEmailStatus.Sent);
        Assert.Equal($"{stored.MessageId:N}@example.com", message.MessageId);
        Assert.NotNull(stored.SentAt);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task A_refused_recipient_is_kept_as_failed_with_the_reason_and_can_be_retried()
    {
        var id = await EnqueueAsync("reject-me@example.com", "Will bounce");
        var failed = await WaitForStatusAsync(id, e => e.Status == OutboundEmailStatus.Failed);
        Assert.Contains("554", failed.LastError);

        // An organizer retries it an hour later; it is attempted again (and refused again).
        Site.Time.Advance(TimeSpan.FromHours(1));
        var retriedAt = Site.Time.GetUtcNow().UtcDateTime;
        await Site.WithDbAsync(async db =>
        {
            var email = await db.OutboundEmails.SingleAsync(e => e.Id == id);
            email.Retry(retriedAt);
            await db.SaveChangesAsync();
        });
        var again = await WaitForStatusAsync(id, e => e.Status == OutboundEmailStatus.Failed && e.NextAttemptAt > failed.NextAttemptAt);
        Assert.Equal(1, again.Attempts);
        Assert.Empty(fixture.Smtp.To("reject-me@example.com"));
    }
}

/// <summary>Own class and SMTP server: it stops the server, which would disturb other tests.</summary>
public class OutboxRetryTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Mail_queued_while_the_server_is_down_is_retried_with_backoff_and_delivered_once()
    {
        var site = fixture.Site;
        await fixture.Smtp.StopAsync();
        var id = await site.WithDbAsync(async db =>
        {
            var email = EmailComposer.Compose("grace@example.com", null, "Retry me", "<p>Hi</p>", "test.retry", site.Time.GetUtcNow().UtcDateTime);
            db.OutboundEmails.Add(email);
            await db.SaveChangesAsync();
            return email.Id;
        });

        OutboundEmail stored;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            await Task.Delay(100);
            stored = await site.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == id));
        } while (stored.Attempts == 0 && DateTime.UtcNow < deadline);
        Assert.Equal(OutboundEmailStatus.Queued, stored.Status);
        Assert.Equal(1, stored.Attempts);
        Assert.NotNull(stored.LastError);
        Assert.Equal(site.Time.GetUtcNow().UtcDateTime.AddSeconds(30), stored.NextAttemptAt, TimeSpan.FromSeconds(1));

        fixture.Smtp.Start();
        await Task.Delay(600); // several polls: nothing is due before the backoff has passed
        Assert.Empty(fixture.Smtp.To("grace@example.com"));

        site.Time.Advance(TimeSpan.FromSeconds(31));
        await fixture.Smtp.WaitForAsync("grace@example.com");
        await Task.Delay(600); // and it is not sent again
        Assert.Single(fixture.Smtp.To("grace@example.com"));
        stored = await site.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(OutboundEmailStatus.Sent, stored.Status);
        Assert.Equal(2, stored.Attempts);
    }
}

using System.Net;
using AiEngineer.Core.Audit;
using AiEngineer.Core.Email;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Schedule;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Admin;

/// <summary>The outbox in the back office: filter, read, retry a failed message, cancel a queued one. The worker is off here, so nothing moves on its own.</summary>
public class EmailCenterTests(EmailCenterTests.Fixture fixture) : IClassFixture<EmailCenterTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        protected override void Configure(SiteFactory site) => site.Settings["Email:Outbox:Enabled"] = "false";
    }

    private async Task<long> QueueAsync(string to, string subject, bool failed = false) => await fixture.Site.WithDbAsync(async db =>
    {
        var now = fixture.Site.Time.GetUtcNow().UtcDateTime;
        var e = OutboundEmail.Create(to, null, subject, $"<p>Hello <strong>{WebUtility.HtmlEncode(to)}</strong></p><script>alert(1)</script>", "Hello", "test.kind", now);
        db.OutboundEmails.Add(e);
        if (failed)
        {
            // As the worker does: claim it (Sending), then the server refuses it for good.
            db.Entry(e).Property(x => x.Status).CurrentValue = OutboundEmailStatus.Sending;
            e.RecordPermanentFailure("550 mailbox unavailable", now);
        }
        await db.SaveChangesAsync();
        return e.Id;
    });

    private Task<OutboundEmailStatus> StatusAsync(long id) => fixture.Site.WithDbAsync(db => db.OutboundEmails.Where(e => e.Id == id).Select(e => e.Status).SingleAsync());

    [Fact]
    public async Task Organizers_filter_read_retry_and_cancel_and_the_rules_hold()
    {
        var failed = await QueueAsync("bounce@example.com", "Your tickets", failed: true);
        var queued = await QueueAsync("waiting@example.com", "Schedule update");
        var organizer = await fixture.Site.OrganizerAsync("mail.organizer@example.com");

        var list = await organizer.GetStringAsync("/admin/email?status=Failed");
        Assert.Contains("bounce@example.com", list);
        Assert.Contains("550 mailbox unavailable", list);
        Assert.DoesNotContain("waiting@example.com", list);
        Assert.Contains("waiting@example.com", await organizer.GetStringAsync("/admin/email?to=WAITING"));

        var page = await organizer.GetStringAsync($"/admin/email/{failed}");
        Assert.Contains($"src=\"/admin/email/{failed}?handler=Html\"", page);
        Assert.Contains("sandbox=\"\"", page);
        var html = await organizer.GetAsync($"/admin/email/{failed}?handler=Html");
        Assert.Contains("sandbox", html.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("<strong>bounce@example.com</strong>", await html.Content.ReadAsStringAsync());

        // Cancel a failed message: refused with the rule's message, nothing changes.
        await organizer.PostFormAsync($"/admin/email/{failed}?handler=Cancel", [], $"/admin/email/{failed}");
        Assert.Equal(OutboundEmailStatus.Failed, await StatusAsync(failed));
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync($"/admin/email/{failed}?handler=Retry", [], $"/admin/email/{failed}")).StatusCode);
        Assert.Equal(OutboundEmailStatus.Queued, await StatusAsync(failed));

        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync($"/admin/email/{queued}?handler=Cancel", [], $"/admin/email/{queued}")).StatusCode);
        Assert.Equal(OutboundEmailStatus.Cancelled, await StatusAsync(queued));
        await organizer.PostFormAsync($"/admin/email/{queued}?handler=Retry", [], $"/admin/email/{queued}");
        Assert.Equal(OutboundEmailStatus.Cancelled, await StatusAsync(queued));

        // Retry and cancel are organizer changes: in the audit log, without the message body.
        var audits = await fixture.Site.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "OutboundEmail").ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Equal(AuditAction.Modified, a.Action));
        Assert.DoesNotContain(audits, a => a.Changes.Contains("Hello"));
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.GetAsync("/admin/email/999999")).StatusCode);
    }
}

using AiEngineer.Core.Email;
using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Tests.Email;

public class OutboundEmailTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    private static OutboundEmail Claimed()
    {
        var email = OutboundEmail.Create("ada@example.com", "Ada", "Hello", "<p>Hi</p>", "Hi", "test", Now);
        // What the worker's conditional update does in the database.
        typeof(OutboundEmail).GetProperty(nameof(OutboundEmail.Status))!.SetValue(email, OutboundEmailStatus.Sending);
        typeof(OutboundEmail).GetProperty(nameof(OutboundEmail.LeaseOwner))!.SetValue(email, "worker-1");
        return email;
    }

    [Fact]
    public void A_new_email_is_queued_and_due_at_once()
    {
        var email = OutboundEmail.Create("ada@example.com", null, "Hello", "<p>Hi</p>", "Hi", "test", Now);
        Assert.Equal(OutboundEmailStatus.Queued, email.Status);
        Assert.Equal(Now, email.NextAttemptAt);
        Assert.Equal(0, email.Attempts);
        Assert.NotEqual(Guid.Empty, email.MessageId);
        Assert.True(OutboundEmail.ClaimableAt(Now).Compile()(email));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    public void An_email_without_a_valid_recipient_is_refused(string to) =>
        Assert.Throws<ArgumentException>(() => OutboundEmail.Create(to, null, "Hello", "", "", "test", Now));

    [Fact]
    public void A_transient_failure_requeues_with_exponential_backoff()
    {
        var email = Claimed();
        email.RecordTransientFailure("connection refused", Now);
        Assert.Equal(OutboundEmailStatus.Queued, email.Status);
        Assert.Equal(1, email.Attempts);
        Assert.Equal(Now + TimeSpan.FromSeconds(30), email.NextAttemptAt);
        Assert.Equal("connection refused", email.LastError);
        Assert.Null(email.LeaseOwner);
        Assert.False(OutboundEmail.ClaimableAt(Now.AddSeconds(29)).Compile()(email));
        Assert.True(OutboundEmail.ClaimableAt(Now.AddSeconds(30)).Compile()(email));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(9, 3600)]
    [InlineData(30, 3600)]
    public void Retry_delay_doubles_and_is_capped_at_an_hour(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboundEmail.RetryDelay(attempts));

    [Fact]
    public void Too_many_transient_failures_make_it_failed()
    {
        var email = Claimed();
        for (var i = 0; i < OutboundEmail.MaxAttempts; i++)
        {
            if (i > 0) typeof(OutboundEmail).GetProperty(nameof(OutboundEmail.Status))!.SetValue(email, OutboundEmailStatus.Sending);
            email.RecordTransientFailure("timeout", Now);
        }
        Assert.Equal(OutboundEmailStatus.Failed, email.Status);
        Assert.Equal(OutboundEmail.MaxAttempts, email.Attempts);
    }

    [Fact]
    public void A_permanent_failure_is_kept_as_failed_and_can_be_retried()
    {
        var email = Claimed();
        email.RecordPermanentFailure("550 no such user", Now);
        Assert.Equal(OutboundEmailStatus.Failed, email.Status);
        Assert.Equal("550 no such user", email.LastError);
        Assert.False(OutboundEmail.ClaimableAt(Now.AddDays(1)).Compile()(email));

        email.Retry(Now.AddHours(1));
        Assert.Equal(OutboundEmailStatus.Queued, email.Status);
        Assert.Equal(Now.AddHours(1), email.NextAttemptAt);
    }

    [Fact]
    public void Marking_sent_records_the_time_and_releases_the_lease()
    {
        var email = Claimed();
        email.MarkSent(Now.AddSeconds(2));
        Assert.Equal(OutboundEmailStatus.Sent, email.Status);
        Assert.Equal(Now.AddSeconds(2), email.SentAt);
        Assert.Null(email.LeaseOwner);
        Assert.Equal(1, email.Attempts);
        Assert.Throws<InvalidOperationException>(() => email.MarkSent(Now));
        Assert.Throws<RuleException>(() => email.Cancel());
    }

    [Fact]
    public void Only_a_queued_email_can_be_cancelled_and_only_a_failed_one_retried()
    {
        var email = OutboundEmail.Create("ada@example.com", null, "Hello", "", "", "test", Now);
        Assert.Throws<RuleException>(() => email.Retry(Now));
        email.Cancel();
        Assert.Equal(OutboundEmailStatus.Cancelled, email.Status);
        Assert.False(OutboundEmail.ClaimableAt(Now).Compile()(email));
        Assert.Throws<InvalidOperationException>(() => email.MarkSent(Now));
    }

    [Fact]
    public void A_sending_email_is_claimable_again_only_after_its_lease_ran_out()
    {
        var email = Claimed();
        typeof(OutboundEmail).GetProperty(nameof(OutboundEmail.LeaseUntil))!.SetValue(email, Now.AddMinutes(2));
        Assert.False(OutboundEmail.ClaimableAt(Now.AddMinutes(1)).Compile()(email));
        Assert.True(OutboundEmail.ClaimableAt(Now.AddMinutes(3)).Compile()(email));
    }
}

using AiEngineer.Core.Cfp;

namespace AiEngineer.Core.Tests.Cfp;

public class ProposalTests
{
    private static readonly DateTime Now = new(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly SubmissionWindow Open = new(Now.AddDays(-1), Now.AddDays(1), FormatOpen: true, GrantedByCode: false);
    private static readonly SubmissionWindow Closed = new(Now.AddDays(-10), Now.AddDays(-1), FormatOpen: true, GrantedByCode: false);

    private static ProposalContent Content(string title = "Evals that catch regressions") =>
        new(title, 1, 1, ProposalLevel.Intermediate, "Abstract", "Details", "", false, "", "");

    private static Proposal Draft() => Proposal.StartDraft(1, "u1", Guid.NewGuid(), Content(), Now);

    [Fact]
    public void A_new_proposal_is_a_draft_with_its_author_as_primary_speaker_and_one_recorded_change()
    {
        var p = Draft();
        Assert.Equal(ProposalState.Draft, p.State);
        var speaker = Assert.Single(p.Speakers);
        Assert.True(speaker.IsPrimary);
        var change = Assert.Single(p.StateChanges);
        Assert.Null(change.From);
        Assert.Equal(ProposalState.Draft, change.To);
    }

    [Fact]
    public void Submitting_while_open_records_who_and_when()
    {
        var p = Draft();
        p.Submit("u1", Now, Open);
        Assert.Equal(ProposalState.Submitted, p.State);
        Assert.Equal(Now, p.SubmittedAt);
        var change = p.StateChanges.Last();
        Assert.Equal((ProposalState?)ProposalState.Draft, change.From);
        Assert.Equal(ProposalState.Submitted, change.To);
        Assert.Equal("u1", change.ByUserId);
    }

    [Fact]
    public void Submitting_after_the_deadline_is_refused_and_the_proposal_stays_a_draft()
    {
        var p = Draft();
        var ex = Assert.Throws<CfpRuleException>(() => p.Submit("u1", Now, Closed));
        Assert.Contains("deadline", ex.Message);
        Assert.Equal(ProposalState.Draft, p.State);
    }

    [Fact]
    public void An_access_code_opens_a_closed_window_and_a_closed_format()
    {
        var p = Draft();
        p.Submit("u1", Now, Closed with { FormatOpen = false, GrantedByCode = true });
        Assert.Equal(ProposalState.Submitted, p.State);
    }

    [Fact]
    public void A_closed_format_refuses_submission_even_inside_the_window()
    {
        var ex = Assert.Throws<CfpRuleException>(() => Draft().Submit("u1", Now, Open with { FormatOpen = false }));
        Assert.Contains("not taking proposals", ex.Message);
    }

    [Fact]
    public void A_submitted_proposal_can_be_edited_only_while_the_window_is_open()
    {
        var p = Draft();
        p.Submit("u1", Now, Open);
        p.Edit(Content("New title"), Now, Open, 1);
        Assert.Equal("New title", p.Title);
        Assert.Throws<CfpRuleException>(() => p.Edit(Content("Late"), Now, Closed, 1));
        Assert.Equal("New title", p.Title);
    }

    [Fact]
    public void A_draft_can_be_edited_after_the_deadline()
    {
        var p = Draft();
        p.Edit(Content("Still drafting"), Now, Closed, 1);
        Assert.Equal("Still drafting", p.Title);
    }

    [Fact]
    public void Withdrawing_is_final()
    {
        var p = Draft();
        p.Submit("u1", Now, Open);
        p.Withdraw("u1", Now.AddHours(1));
        Assert.Equal(ProposalState.Withdrawn, p.State);
        Assert.Throws<CfpRuleException>(() => p.Withdraw("u1", Now));
        Assert.Throws<CfpRuleException>(() => p.Submit("u1", Now, Open));
        Assert.Throws<CfpRuleException>(() => p.Edit(Content(), Now, Open, 1));
        Assert.Equal(3, p.StateChanges.Count);
    }

    [Fact]
    public void Invitations_count_against_the_formats_co_speaker_limit()
    {
        var p = Draft();
        p.InviteCoSpeaker("a@example.com", "u1", maxCoSpeakers: 1, Now);
        var ex = Assert.Throws<CfpRuleException>(() => p.InviteCoSpeaker("b@example.com", "u1", maxCoSpeakers: 1, Now));
        Assert.Contains("at most 1 co-speaker", ex.Message);
        Assert.Throws<CfpRuleException>(() => p.InviteCoSpeaker("b@example.com", "u1", maxCoSpeakers: 0, Now));
    }

    [Fact]
    public void An_accepted_invitation_adds_the_speaker_once_and_cannot_be_reused()
    {
        var p = Draft();
        var (invitation, token) = p.InviteCoSpeaker("a@example.com", "u1", 2, Now);
        Assert.Equal(CoSpeakerInvitation.Hash(token), invitation.TokenHash);
        Assert.NotEqual(token, invitation.TokenHash);
        p.AcceptInvitation(invitation, "u2", Now);
        Assert.True(p.HasSpeaker("u2"));
        Assert.Equal(2, p.Speakers.Count);
        Assert.Throws<CfpRuleException>(() => p.AcceptInvitation(invitation, "u3", Now));
    }

    [Fact]
    public void A_revoked_or_expired_invitation_cannot_be_accepted()
    {
        var p = Draft();
        var (revoked, _) = p.InviteCoSpeaker("a@example.com", "u1", 3, Now);
        revoked.RevokedAt = Now;
        Assert.Contains("withdrawn", Assert.Throws<CfpRuleException>(() => p.AcceptInvitation(revoked, "u2", Now)).Message);
        var (old, _) = p.InviteCoSpeaker("b@example.com", "u1", 3, Now);
        Assert.Contains("expired", Assert.Throws<CfpRuleException>(() => p.AcceptInvitation(old, "u3", Now + CoSpeakerInvitation.Lifetime)).Message);
        Assert.Single(p.Speakers);
    }

    [Fact]
    public void An_access_code_works_only_for_its_person_format_and_time()
    {
        var code = new AccessCode { Code = "LATE", Email = "Late@Example.com", SessionFormatId = 2, ValidUntil = Now.AddDays(1) };
        Assert.True(code.Grants("late@example.com", 2, Now));
        Assert.False(code.Grants("other@example.com", 2, Now));
        Assert.False(code.Grants("late@example.com", 3, Now));
        Assert.False(code.Grants("late@example.com", 2, Now.AddDays(1)));
    }

    [Fact]
    public void A_format_deadline_replaces_the_calls()
    {
        var cfp = new CallForPapers { OpensAt = Now.AddDays(-5), ClosesAt = Now.AddDays(5) };
        var early = new SessionFormat { IsOpen = true, ClosesAt = Now.AddDays(-1) };
        Assert.False(SubmissionWindow.For(cfp, early, false).IsOpenAt(Now));
        Assert.True(SubmissionWindow.For(cfp, new SessionFormat { IsOpen = true }, false).IsOpenAt(Now));
    }

    [Fact]
    public void Moving_to_a_format_with_fewer_co_speakers_than_the_proposal_has_is_refused()
    {
        var p = Draft();
        p.InviteCoSpeaker("a@example.com", "u1", 3, Now);
        var ex = Assert.Throws<CfpRuleException>(() => p.Edit(Content("Now a lightning talk"), Now, Open, maxCoSpeakers: 0));
        Assert.Contains("this proposal has 1", ex.Message);
        Assert.Equal("Evals that catch regressions", p.Title);
    }
}

public class ProposalDecisionTests
{
    private static readonly DateTime Now = new(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc);

    private static Proposal Submitted()
    {
        var p = Proposal.StartDraft(1, "u1", Guid.NewGuid(), new("T", 1, 1, ProposalLevel.Intermediate, "A", "D", "", false, "", ""), Now);
        p.Submit("u1", Now, new(Now.AddDays(-1), Now.AddDays(1), true, false));
        return p;
    }

    [Theory]
    [InlineData(ProposalState.Accepted)]
    [InlineData(ProposalState.Rejected)]
    [InlineData(ProposalState.Waitlisted)]
    public void A_submitted_proposal_can_be_decided_and_the_change_is_recorded(ProposalState decision)
    {
        var p = Submitted();
        p.Decide(decision, "org", Now);
        Assert.Equal(decision, p.State);
        Assert.Equal("org", p.StateChanges.Last().ByUserId);
        Assert.False(p.CanWithdraw);
    }

    [Fact]
    public void A_waitlisted_proposal_can_be_accepted_but_a_rejected_one_cannot()
    {
        var p = Submitted();
        p.Decide(ProposalState.Waitlisted, "org", Now);
        p.Decide(ProposalState.Accepted, "org", Now);
        Assert.Equal(ProposalState.Accepted, p.State);
        var q = Submitted();
        q.Decide(ProposalState.Rejected, "org", Now);
        Assert.Throws<CfpRuleException>(() => q.Decide(ProposalState.Accepted, "org", Now));
        Assert.Throws<CfpRuleException>(() => q.Withdraw("u1", Now));
    }

    [Fact]
    public void An_accepted_speaker_confirms_before_the_date_but_not_after()
    {
        var p = Submitted();
        p.Decide(ProposalState.Accepted, "org", Now);
        Assert.Throws<CfpRuleException>(() => p.Answer(true, "u1", Now, confirmBy: Now));
        Assert.Throws<CfpRuleException>(() => p.Answer(true, "stranger", Now, confirmBy: null));
        p.Answer(true, "u1", Now, confirmBy: Now.AddDays(1));
        Assert.Equal(ProposalState.Confirmed, p.State);
        Assert.Throws<CfpRuleException>(() => p.Answer(false, "u1", Now, null));
    }

    [Fact]
    public void Only_an_accepted_proposal_can_be_declined()
    {
        var p = Submitted();
        Assert.Throws<CfpRuleException>(() => p.Answer(false, "u1", Now, null));
        p.Decide(ProposalState.Accepted, "org", Now);
        p.Answer(false, "u1", Now, null);
        Assert.Equal(ProposalState.Declined, p.State);
    }
}

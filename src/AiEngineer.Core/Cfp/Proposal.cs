using System.Security.Cryptography;
using System.Text;
using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Cfp;

/// <summary>The fields a speaker writes; the proposal copies them, so pages never bind the entity.</summary>
public sealed record ProposalContent(
    string Title,
    int SessionFormatId,
    int TrackId,
    ProposalLevel Level,
    string Abstract,
    string Description,
    string Notes,
    bool GivenBefore,
    string SlidesUrl,
    string VideoUrl,
    /// <summary>The language the talk is given in (a culture name).</summary>
    string Language = Proposal.DefaultLanguage);

/// <summary>
/// A session proposal and its state machine. Every transition is a method that refuses what is illegal
/// and records who made it and when.
/// </summary>
public class Proposal
{
    public const int TitleMaxLength = 150;
    public const int AbstractMaxLength = 1500;
    public const int DescriptionMaxLength = 5000;
    public const int NotesMaxLength = 2000;
    public const int UrlMaxLength = 300;

    private Proposal() { }

    public int Id { get; private set; }
    public int ConferenceEventId { get; private set; }
    /// <summary>From the form that created it: a second post of the same form finds this row instead of making another.</summary>
    public Guid IdempotencyKey { get; private set; }
    public string Title { get; private set; } = "";
    public int SessionFormatId { get; private set; }
    public SessionFormat? Format { get; private set; }
    public int TrackId { get; private set; }
    public Conference.Track? Track { get; private set; }
    public ProposalLevel Level { get; private set; }
    /// <summary>The language the talk is given in (a culture name, "en" by default); the text stays as written.</summary>
    public string Language { get; private set; } = "en";
    /// <summary>Public Markdown.</summary>
    public string Abstract { get; private set; } = "";
    /// <summary>Private Markdown, for reviewers.</summary>
    public string Description { get; private set; } = "";
    public string Notes { get; private set; } = "";
    public bool GivenBefore { get; private set; }
    public string SlidesUrl { get; private set; } = "";
    public string VideoUrl { get; private set; } = "";
    public ProposalState State { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }

    public List<ProposalSpeaker> Speakers { get; private set; } = [];
    public List<ProposalStateChange> StateChanges { get; private set; } = [];
    public List<CoSpeakerInvitation> Invitations { get; private set; } = [];

    public static Proposal StartDraft(int conferenceEventId, string userId, Guid idempotencyKey, ProposalContent content, DateTime now)
    {
        var proposal = new Proposal
        {
            ConferenceEventId = conferenceEventId,
            IdempotencyKey = idempotencyKey,
            State = ProposalState.Draft,
            CreatedAt = now,
        };
        proposal.Apply(content, now);
        proposal.Speakers.Add(new ProposalSpeaker { UserId = userId, IsPrimary = true, JoinedAt = now });
        proposal.StateChanges.Add(new ProposalStateChange { From = null, To = ProposalState.Draft, ByUserId = userId, At = now });
        return proposal;
    }

    /// <summary>A draft can always be changed; a submitted proposal while its format's window is open; nothing after.</summary>
    public bool CanEdit(DateTime now, SubmissionWindow window) =>
        State == ProposalState.Draft || (State == ProposalState.Submitted && window.IsOpenAt(now));

    /// <summary>Withdrawing is possible any time before a decision.</summary>
    public bool CanWithdraw => State is ProposalState.Draft or ProposalState.Submitted;

    /// <summary>Changes the text and choices; <paramref name="maxCoSpeakers"/> is the (possibly new) format's limit.</summary>
    public void Edit(ProposalContent content, DateTime now, SubmissionWindow window, int maxCoSpeakers)
    {
        if (State == ProposalState.Submitted && !window.IsOpenAt(now))
            throw new CfpRuleException($"{window.ClosedReason(now)} A submitted proposal can no longer be changed.");
        if (State != ProposalState.Draft && State != ProposalState.Submitted)
            throw new CfpRuleException($"This proposal is {State}; it can no longer be changed.");
        var coSpeakers = Speakers.Count - 1 + PendingInvitationCount(now);
        if (coSpeakers > maxCoSpeakers)
            throw new CfpRuleException(new Problem(maxCoSpeakers == 1
                ? "That format allows {0} co-speaker, and this proposal has {1} (counting pending invitations). Revoke an invitation first, or keep the format."
                : "That format allows {0} co-speakers, and this proposal has {1} (counting pending invitations). Revoke an invitation first, or keep the format.",
                maxCoSpeakers, coSpeakers));
        Apply(content, now);
    }

    public void Submit(string userId, DateTime now, SubmissionWindow window)
    {
        if (State != ProposalState.Draft)
            throw new CfpRuleException($"Only a draft can be submitted; this proposal is {State}.");
        if (!window.IsOpenAt(now))
            throw new CfpRuleException($"{window.ClosedReason(now)} Your text is kept as a draft.");
        SubmittedAt = now;
        MoveTo(ProposalState.Submitted, userId, now);
    }

    public void Withdraw(string userId, DateTime now)
    {
        if (!CanWithdraw)
            throw new CfpRuleException($"This proposal is {State}; it cannot be withdrawn.");
        MoveTo(ProposalState.Withdrawn, userId, now);
    }

    /// <summary>An organizer's decision: submitted → accepted, rejected or waitlisted; waitlisted → accepted.</summary>
    public void Decide(ProposalState decision, string organizerId, DateTime now)
    {
        var allowed = (State, decision) switch
        {
            (ProposalState.Submitted, ProposalState.Accepted or ProposalState.Rejected or ProposalState.Waitlisted) => true,
            (ProposalState.Waitlisted, ProposalState.Accepted) => true,
            _ => false,
        };
        if (!allowed)
            throw new CfpRuleException($"This proposal is {State}; it cannot be {decision}.");
        MoveTo(decision, organizerId, now);
    }

    /// <summary>The speaker's answer to an acceptance, before the confirm-by date (none set: any time).</summary>
    public void Answer(bool confirm, string userId, DateTime now, DateTime? confirmBy)
    {
        if (!HasSpeaker(userId)) throw new CfpRuleException("Only a speaker on this proposal can answer.");
        if (State != ProposalState.Accepted)
            throw new CfpRuleException($"Only an accepted proposal can be confirmed or declined; this one is {State}.");
        if (confirmBy is { } by && now >= by)
            throw new CfpRuleException("The date to confirm has passed; please contact the organizers.");
        MoveTo(confirm ? ProposalState.Confirmed : ProposalState.Declined, userId, now);
    }

    /// <summary>Adds a line to the history without changing the state (e.g. a speaker ticket that could not be issued).</summary>
    public void RecordNote(string userId, DateTime now, string note) =>
        StateChanges.Add(new ProposalStateChange { From = State, To = State, ByUserId = userId, At = now, Note = note.Length > ProposalStateChange.NoteMaxLength ? note[..ProposalStateChange.NoteMaxLength] : note });

    public bool HasSpeaker(string userId) => Speakers.Any(s => s.UserId == userId);

    public int PendingInvitationCount(DateTime now) => Invitations.Count(i => i.IsPendingAt(now));

    /// <summary>Invites a co-speaker by email; the format's limit counts speakers already on it and pending invitations.</summary>
    public (CoSpeakerInvitation Invitation, string Token) InviteCoSpeaker(string email, string byUserId, int maxCoSpeakers, DateTime now)
    {
        if (State is not (ProposalState.Draft or ProposalState.Submitted))
            throw new CfpRuleException($"This proposal is {State}; it takes no more speakers.");
        email = email.Trim();
        if (Invitations.Any(i => i.IsPendingAt(now) && string.Equals(i.Email, email, StringComparison.OrdinalIgnoreCase)))
            throw new CfpRuleException($"{email} already has a pending invitation.");
        var taken = Speakers.Count - 1 + PendingInvitationCount(now);
        if (taken >= maxCoSpeakers)
            throw maxCoSpeakers == 0 ? new CfpRuleException("This format is for one speaker only.")
                : new CfpRuleException(new Problem(maxCoSpeakers == 1
                    ? "This format allows at most {0} co-speaker, counting pending invitations."
                    : "This format allows at most {0} co-speakers, counting pending invitations.", maxCoSpeakers));
        var token = CoSpeakerInvitation.NewToken();
        var invitation = new CoSpeakerInvitation
        {
            Email = email,
            TokenHash = CoSpeakerInvitation.Hash(token),
            InvitedByUserId = byUserId,
            CreatedAt = now,
            ExpiresAt = now + CoSpeakerInvitation.Lifetime,
        };
        Invitations.Add(invitation);
        return (invitation, token);
    }

    /// <summary>The invited person joins the proposal.</summary>
    public void AcceptInvitation(CoSpeakerInvitation invitation, string userId, DateTime now)
    {
        if (!Invitations.Contains(invitation)) throw new CfpRuleException("This invitation is not for this proposal.");
        if (!invitation.IsPendingAt(now))
            throw new CfpRuleException(invitation.RevokedAt is not null ? "This invitation was withdrawn by the speaker."
                : invitation.AcceptedAt is not null ? "This invitation has already been used."
                : "This invitation has expired; ask the speaker for a new one.");
        if (State is not (ProposalState.Draft or ProposalState.Submitted))
            throw new CfpRuleException($"This proposal is {State} and takes no more speakers.");
        invitation.AcceptedAt = now;
        invitation.AcceptedByUserId = userId;
        if (!HasSpeaker(userId)) Speakers.Add(new ProposalSpeaker { UserId = userId, IsPrimary = false, JoinedAt = now });
    }

    public void RevokeInvitation(int invitationId, DateTime now)
    {
        var invitation = Invitations.FirstOrDefault(i => i.Id == invitationId)
            ?? throw new CfpRuleException("There is no such invitation on this proposal.");
        if (invitation.AcceptedAt is not null) throw new CfpRuleException("That invitation has already been accepted.");
        invitation.RevokedAt ??= now;
    }

    private void Apply(ProposalContent c, DateTime now)
    {
        Title = c.Title.Trim();
        SessionFormatId = c.SessionFormatId;
        TrackId = c.TrackId;
        Level = c.Level;
        Abstract = c.Abstract.Trim();
        Description = c.Description.Trim();
        Notes = c.Notes.Trim();
        GivenBefore = c.GivenBefore;
        SlidesUrl = c.SlidesUrl.Trim();
        VideoUrl = c.VideoUrl.Trim();
        Language = string.IsNullOrWhiteSpace(c.Language) ? DefaultLanguage : c.Language.Trim();
        UpdatedAt = now;
    }

    private void MoveTo(ProposalState to, string userId, DateTime now)
    {
        StateChanges.Add(new ProposalStateChange { From = State, To = to, ByUserId = userId, At = now });
        State = to;
        UpdatedAt = now;
    }

    public ProposalContent Content => new(Title, SessionFormatId, TrackId, Level, Abstract, Description, Notes, GivenBefore, SlidesUrl, VideoUrl, Language);

    public const string DefaultLanguage = "en";
    public const int LanguageMaxLength = 16;
}

public class ProposalSpeaker
{
    public int ProposalId { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The speaker who started the proposal.</summary>
    public bool IsPrimary { get; set; }
    public DateTime JoinedAt { get; set; }
}

/// <summary>One transition of a proposal: from what, to what, by whom and when.</summary>
public class ProposalStateChange
{
    public long Id { get; set; }
    public int ProposalId { get; set; }
    public ProposalState? From { get; set; }
    public ProposalState To { get; set; }
    public const int NoteMaxLength = 300;
    /// <summary>Why, when the history needs to say more than the states (empty for plain transitions).</summary>
    public string Note { get; set; } = "";
    public string ByUserId { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>An invitation to join a proposal. Only a hash of its token is stored; the link in the email is the only copy.</summary>
public class CoSpeakerInvitation
{
    public const int EmailMaxLength = 320;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public int Id { get; set; }
    public int ProposalId { get; set; }
    public string Email { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public string InvitedByUserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedByUserId { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsPendingAt(DateTime now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim().ToLowerInvariant())));
}

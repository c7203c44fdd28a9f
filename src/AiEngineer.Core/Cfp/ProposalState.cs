using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Cfp;

/// <summary>
/// Where a proposal stands. Stored by name, so the review stage can add Accepted, Rejected, Waitlisted,
/// Confirmed and Declined without renumbering anything.
/// </summary>
public enum ProposalState
{
    Draft = 0,
    Submitted = 1,
    Withdrawn = 2,
    Accepted = 3,
    Rejected = 4,
    Waitlisted = 5,
    Confirmed = 6,
    Declined = 7,
}

public enum ProposalLevel
{
    Introductory = 0,
    Intermediate = 1,
    Advanced = 2,
}

/// <summary>A rule of the call for papers refused what was asked; the message is for the speaker (or the reviewer, the organizer).</summary>
public sealed class CfpRuleException(Problem problem) : RuleException(problem);

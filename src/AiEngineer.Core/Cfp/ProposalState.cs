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

/// <summary>
/// A rule of the call for papers refused what was asked; the message is for the speaker. <see cref="Exception.Message"/>
/// is the English sentence (logs, tests); <see cref="Format"/> and <see cref="Arguments"/> let a page say it in the
/// visitor's language. In the English, an enum argument (a proposal's state) is written as its name in lower case
/// ("This proposal is withdrawn; …"); a page writes its label instead. A string argument may itself be one of the
/// rules' sentences (<see cref="SubmissionWindow.ClosedReason"/>).
/// </summary>
public sealed class CfpRuleException : InvalidOperationException
{
    public CfpRuleException(string format, params object[] arguments) : base(English(format, arguments))
    {
        Format = format;
        Arguments = arguments;
    }

    /// <summary>The English message with {0}, {1}… where the arguments go; a message without arguments is the sentence itself.</summary>
    public string Format { get; }

    public IReadOnlyList<object> Arguments { get; }

    public static string English(string format, object[] arguments) =>
        arguments.Length == 0 ? format
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, format,
                arguments.Select(a => a is Enum e ? e.ToString().ToLowerInvariant() : a).ToArray());
}

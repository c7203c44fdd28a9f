using AiEngineer.Core.Content;
using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Cfp;

/// <summary>The call for papers of one conference: when it opens and closes, and its session formats.</summary>
public class CallForPapers : Content.ITranslated
{
    public const int GuidanceMaxLength = 4000;

    public int Id { get; set; }
    public int ConferenceEventId { get; set; }
    /// <summary>UTC instant from which proposals may be submitted.</summary>
    public DateTime OpensAt { get; set; }
    /// <summary>UTC instant at which submissions stop (formats may close earlier or later).</summary>
    public DateTime ClosesAt { get; set; }
    /// <summary>What reviewers look for (Markdown), shown on /cfp.</summary>
    public string Guidance { get; set; } = "";
    /// <summary>This record's text in the other languages (<see cref="Content.Translations"/>).</summary>
    public Content.Translations Translations { get; set; } = new();
    /// <summary>In the visitor's language, English when untranslated.</summary>
    public string LocalGuidance => this.Local(nameof(Guidance), Guidance);

    public List<SessionFormat> Formats { get; set; } = [];
    public List<AccessCode> AccessCodes { get; set; } = [];

    public bool IsOpenAt(DateTime now) => now >= OpensAt && now < ClosesAt;
    public bool HasClosedAt(DateTime now) => now >= ClosesAt;

    /// <summary>Checks the window; returns the problems, empty when valid.</summary>
    public static IReadOnlyList<Problem> ValidateWindow(DateTime opensAt, DateTime closesAt) =>
        closesAt <= opensAt ? ["The call must close after it opens."] : [];
}

/// <summary>A kind of session speakers may propose (Talk 25 min, Workshop 80 min, …).</summary>
public class SessionFormat : Content.ITranslated
{
    public const int NameMaxLength = 60;
    public const int MaxCoSpeakersLimit = 10;

    public int Id { get; set; }
    public int CallForPapersId { get; set; }
    public string Name { get; set; } = "";
    public int DurationMinutes { get; set; }
    /// <summary>How many speakers besides the first may be on one proposal.</summary>
    public int MaxCoSpeakers { get; set; }
    public bool IsOpen { get; set; } = true;
    /// <summary>A deadline of its own (UTC), replacing the call's closing instant for this format.</summary>
    public DateTime? ClosesAt { get; set; }
    public int SortOrder { get; set; }
    /// <summary>This record's text in the other languages (<see cref="Content.Translations"/>).</summary>
    public Content.Translations Translations { get; set; } = new();
    /// <summary>In the visitor's language, English when untranslated.</summary>
    public string LocalName => this.Local(nameof(Name), Name);

    public DateTime DeadlineIn(CallForPapers cfp) => ClosesAt ?? cfp.ClosesAt;

    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(Name)) problems.Add("A format needs a name.");
        if (DurationMinutes is < 1 or > 600) problems.Add("The duration must be between 1 and 600 minutes.");
        if (MaxCoSpeakers < 0 || MaxCoSpeakers > MaxCoSpeakersLimit) problems.Add($"Co-speakers must be between 0 and {MaxCoSpeakersLimit}.");
        return problems;
    }
}

/// <summary>
/// Lets one named person submit after the deadline, or to a closed format. Bound to the person's email:
/// a code that leaks is useless to anyone else.
/// </summary>
public class AccessCode
{
    public const int CodeMaxLength = 40;
    public const int EmailMaxLength = 320;
    public const int NoteMaxLength = 200;

    public int Id { get; set; }
    public int CallForPapersId { get; set; }
    public string Code { get; set; } = "";
    /// <summary>The person it is for; compared case-insensitively with the signed-in account's email.</summary>
    public string Email { get; set; } = "";
    /// <summary>The one format it opens; null for every format.</summary>
    public int? SessionFormatId { get; set; }
    /// <summary>UTC instant after which it no longer works.</summary>
    public DateTime ValidUntil { get; set; }
    public string Note { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public bool Grants(string? email, int formatId, DateTime now) =>
        email is not null
        && string.Equals(Email.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase)
        && (SessionFormatId is null || SessionFormatId == formatId)
        && now < ValidUntil;

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}

/// <summary>Whether a proposal in a format may be submitted or changed: the call's window, the format's own, or an access code.</summary>
public readonly record struct SubmissionWindow(DateTime OpensAt, DateTime ClosesAt, bool FormatOpen, bool GrantedByCode)
{
    public static SubmissionWindow For(CallForPapers cfp, SessionFormat format, bool grantedByCode) =>
        new(cfp.OpensAt, format.DeadlineIn(cfp), format.IsOpen, grantedByCode);

    public bool IsOpenAt(DateTime now) => GrantedByCode || (FormatOpen && now >= OpensAt && now < ClosesAt);

    /// <summary>Why it is closed, for the speaker.</summary>
    public Problem ClosedReason(DateTime now) =>
        !FormatOpen ? "This format is not taking proposals."
        : now < OpensAt ? "The call for papers has not opened yet."
        : "The deadline for this format has passed.";
}

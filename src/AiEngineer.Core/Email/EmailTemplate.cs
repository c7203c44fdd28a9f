using System.Text.RegularExpressions;
using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Email;

/// <summary>How a placeholder's value goes into a message.</summary>
public enum PlaceholderKind
{
    /// <summary>Plain text (a name, a title): encoded, never read as Markdown or HTML.</summary>
    Text = 0,
    /// <summary>An address on this site: use it as a Markdown link target, <c>[Your order]({order_link})</c>, or on its own.</summary>
    Link = 1,
    /// <summary>A block the site draws (the tickets with their QR codes, an order summary): body only, best on a line of its own.</summary>
    Block = 2,
}

public sealed record Placeholder(string Name, string Description, string Sample, PlaceholderKind Kind = PlaceholderKind.Text);

/// <summary>One kind of message the site sends: when, its default subject and Markdown body, and the placeholders it fills.</summary>
public sealed record EmailKind(string Kind, string Group, string Name, string SentWhen, string Subject, string Body, IReadOnlyList<Placeholder> Placeholders)
{
    public Placeholder? Find(string name) => Placeholders.FirstOrDefault(p => p.Name == name);
}

/// <summary>An organizer's wording for one kind of message; without one the catalog's default is sent.</summary>
public partial class EmailTemplate
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 20000;

    public const int LanguageMaxLength = 16;

    public int Id { get; set; }
    public string Kind { get; set; } = "";
    /// <summary>The culture this wording is for ("en", "zh-Hans"); a language without one falls back to English.</summary>
    public string Language { get; set; } = "en";
    public string Subject { get; set; } = "";
    /// <summary>Markdown with {placeholders}.</summary>
    public string Body { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }

    /// <summary>The {placeholder} names in a text, in order of appearance.</summary>
    public static IEnumerable<string> PlaceholdersIn(string text) =>
        PlaceholderRegex().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>Checks a subject and body against a kind's placeholders; returns the problems, empty when valid.</summary>
    public static IReadOnlyList<Problem> Validate(EmailKind kind, string subject, string body)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(subject)) problems.Add("A subject is required.");
        else if (subject.Length > SubjectMaxLength) problems.Add($"The subject can be at most {SubjectMaxLength} characters.");
        if (subject.Contains('\n') || subject.Contains('\r')) problems.Add("The subject must be one line.");
        if (string.IsNullOrWhiteSpace(body)) problems.Add("A message is required.");
        else if (body.Length > BodyMaxLength) problems.Add($"The message can be at most {BodyMaxLength} characters.");
        var known = string.Join(", ", kind.Placeholders.Select(p => "{" + p.Name + "}"));
        foreach (var name in PlaceholdersIn(subject).Concat(PlaceholdersIn(body)).Distinct())
            if (kind.Find(name) is null)
                problems.Add($"{{{name}}} is not a placeholder of this message. Use one of: {known}.");
        foreach (var name in PlaceholdersIn(subject).Distinct())
            if (kind.Find(name) is { Kind: PlaceholderKind.Block })
                problems.Add($"{{{name}}} draws a block and can only be used in the message, not the subject.");
        return problems;
    }

    /// <summary>Replaces placeholders with the values given, as they are; unknown names stay.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        PlaceholderRegex().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\{([a-z][a-z0-9_]*)\}")]
    public static partial Regex PlaceholderRegex();
}

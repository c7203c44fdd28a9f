using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace AiEngineer.Core.Messages;

/// <summary>
/// A sentence Core tells a person (a rule refused, a form is wrong, a schedule clashes), kept as its English
/// <see cref="Format"/> ("{0}: at most {1} per order.") and its <see cref="Arguments"/>, so that the web layer can look the
/// format up and say it in the visitor's language. Written like a string: <c>problems.Add($"{type.Name} is not on sale.")</c>
/// records "{0} is not on sale." and the name (this type is the interpolated string handler); a plain <c>"…"</c> converts too.
/// <see cref="English"/> (and <see cref="ToString"/>) is the sentence in English, for logs and tests: an enum argument is
/// written as its name in lower-case words ("refund due"), a <see cref="Problem"/> argument as its own English.
/// </summary>
/// <remarks>
/// A conditional of two interpolated strings (<c>c ? $"a {x}" : $"b {y}"</c>) is a string first, and its values would be
/// baked into the format: write each branch as a Problem (<c>c ? (Problem)$"…" : $"…"</c>) or use an <c>if</c>.
/// </remarks>
[InterpolatedStringHandler]
public sealed class Problem : IEquatable<Problem>
{
    private readonly StringBuilder? _builder;
    private readonly List<object?> _arguments;
    private string? _format;

    /// <summary>Called by the compiler for <c>$"…"</c>.</summary>
    public Problem(int literalLength, int formattedCount)
    {
        _builder = new StringBuilder(literalLength + formattedCount * 4);
        _arguments = new List<object?>(formattedCount);
    }

    /// <summary>An explicit format with {0}, {1}… (for a format chosen at run time, e.g. singular or plural).</summary>
    public Problem(string format, params object?[] arguments)
    {
        _format = format;
        _arguments = [.. arguments];
    }

    // The handler's side, called by the compiler while it builds a Problem from $"…"; not for use afterwards.
    public void AppendLiteral(string text) => _builder!.Append(text.Replace("{", "{{").Replace("}", "}}"));

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        _builder!.Append('{').Append(_arguments.Count.ToString(CultureInfo.InvariantCulture));
        if (format is not null) _builder.Append(':').Append(format);
        _builder.Append('}');
        _arguments.Add(value);
    }

    /// <summary>The English sentence with {0}, {1}… where the arguments go (braces of the text itself doubled); the resource key.</summary>
    public string Format => _format ??= _builder!.ToString();

    public IReadOnlyList<object?> Arguments => _arguments;

    public string English => string.Format(CultureInfo.InvariantCulture, Format, _arguments.Select(EnglishArgument).ToArray());

    public override string ToString() => English;

    /// <summary>The same message: the same format and the same arguments (a sentence with its value baked in is another one).</summary>
    public bool Equals(Problem? other) =>
        other is not null && Format == other.Format && _arguments.SequenceEqual(other._arguments);

    public override bool Equals(object? obj) => Equals(obj as Problem);

    public override int GetHashCode() => Format.GetHashCode(StringComparison.Ordinal);

    /// <summary>A sentence without values.</summary>
    public static implicit operator Problem(string sentence) => new(Escape(sentence));

    /// <summary>Several problems said one after the other (each is localized on its own).</summary>
    public static Problem Join(IReadOnlyList<Problem> problems) =>
        problems.Count == 1 ? problems[0]
            : new(string.Join(" ", problems.Select((_, i) => "{" + i.ToString(CultureInfo.InvariantCulture) + "}")), [.. problems]);

    private static string Escape(string text) => text.Replace("{", "{{").Replace("}", "}}");

    private static object? EnglishArgument(object? argument) => argument switch
    {
        Enum e => Words(e.ToString()),
        Problem p => p.English,
        _ => argument,
    };

    /// <summary>"RefundDue" as "refund due".</summary>
    public static string Words(string name)
    {
        var words = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1])) words.Append(' ');
            words.Append(char.ToLowerInvariant(name[i]));
        }
        return words.ToString();
    }
}

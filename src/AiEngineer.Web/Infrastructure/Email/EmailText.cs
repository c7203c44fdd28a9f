using System.Globalization;
using System.Resources;

namespace AiEngineer.Web.Infrastructure.Email;

/// <summary>
/// The words the site itself puts in emails (the layout's footer, the blocks it draws: order summary, tickets, the
/// proposal table), English keys in <c>EmailText.resx</c>, translations beside it. An email is written in its
/// recipient's language: the sender sets the culture for the message (<see cref="EmailTemplates.In"/>), and these
/// strings follow it.
/// </summary>
public sealed class EmailText
{
    private static readonly ResourceManager Resources = new(typeof(EmailText).FullName!, typeof(EmailText).Assembly);

    public static string Get(string english) => Resources.GetString(english, CultureInfo.CurrentUICulture) is { Length: > 0 } s ? s : english;

    public static string Get(string english, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(english), args);
}

/// <summary>
/// The built-in wording of each kind of message in languages other than English: <c>EmailDefaults.zh-Hans.resx</c> holds
/// <c>{kind}.subject</c> and <c>{kind}.body</c> (Markdown, the same placeholders as the English in
/// <see cref="Core.Email.EmailCatalog"/>). A language without one sends the English.
/// </summary>
public sealed class EmailDefaults
{
    private static readonly ResourceManager Resources = new(typeof(EmailDefaults).FullName!, typeof(EmailDefaults).Assembly);

    public static (string Subject, string Body)? For(string kind, CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (c.TwoLetterISOLanguageName == "en") return null;
            var set = Resources.GetResourceSet(c, createIfNotExists: true, tryParents: false);
            if (set?.GetString(kind + ".subject") is { Length: > 0 } subject && set.GetString(kind + ".body") is { Length: > 0 } body)
                return (subject, body);
        }
        return null;
    }
}

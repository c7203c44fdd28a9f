using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Web.Tests.Infrastructure;

namespace AiEngineer.Web.Tests.Site;

/// <summary>
/// Stricter than <see cref="NoEnglish"/>, for pages whose English might not be in any resource (the Identity UI's own
/// pages, whose text is compiled into its assembly): no text a person reads on the Chinese page has three Latin words
/// in a row. Read are the text nodes and the placeholder, title, aria-label and alt attributes and button values;
/// left out are what is not prose (script, style, svg, kbd, code: scripts, a drawn QR code, keys and codes), email
/// addresses, and what the organizers wrote (the conference name…), which is shown as written.
/// </summary>
public static partial class NoEnglishSentences
{
    public static async Task<string> OnAsync(SiteFactory site, HttpClient client, string path)
    {
        var html = await NoEnglish.OnAsync(site, client, path, "SiteText", "AccountText");
        var found = In(html, await NoEnglish.OrganizerContentAsync(site));
        Assert.True(found.Count == 0, $"English sentences on the Chinese {path}: " + string.Join(" | ", found));
        return html;
    }

    /// <summary>The runs of three or more Latin words in the page's readable text.</summary>
    public static List<string> In(string html, IReadOnlyCollection<string>? asWritten = null)
    {
        var readable = NotProse().Replace(html, " ");
        var texts = TextNode().Matches(readable).Select(m => m.Groups[1].Value)
            .Concat(ReadAttribute().Matches(readable).Select(m => m.Groups[1].Value))
            .Concat(ButtonValue().Matches(readable).Select(m => m.Groups[1].Value))
            .Select(t => WebUtility.HtmlDecode(t) ?? "");
        var organizers = (asWritten ?? []).Where(t => t.Length >= 3).OrderByDescending(t => t.Length).ToList();
        var found = new List<string>();
        foreach (var text in texts)
        {
            var rest = Email().Replace(text, " ");
            foreach (var written in organizers) rest = rest.Replace(written, " ", StringComparison.Ordinal);
            found.AddRange(LatinRun().Matches(rest).Select(m => m.Value.Trim()));
        }
        return found.Distinct().ToList();
    }

    [GeneratedRegex(@"<(script|style|svg|kbd|code)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex NotProse();

    [GeneratedRegex(">([^<]+)<")]
    private static partial Regex TextNode();

    [GeneratedRegex(@"\s(?:placeholder|title|aria-label|alt)=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ReadAttribute();

    [GeneratedRegex(@"<input\b[^>]*\btype=""(?:submit|button|reset)""[^>]*\bvalue=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ButtonValue();

    [GeneratedRegex(@"[^\s<>""]+@[^\s<>""]+")]
    private static partial Regex Email();

    /// <summary>Three or more Latin words separated by spaces or ASCII punctuation (a Chinese sentence separates names with 、，).</summary>
    [GeneratedRegex(@"\b[A-Za-z][A-Za-z'’-]*(?:[\s,;:]+[A-Za-z][A-Za-z'’-]*){2,}")]
    private static partial Regex LatinRun();
}

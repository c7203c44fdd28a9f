using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Core.Email;

namespace AiEngineer.Web.Infrastructure.Email;

/// <summary>Wraps a message body in the site's email layout and derives the plain-text part.</summary>
public static partial class EmailComposer
{
    /// <summary>Builds an outbox row. <paramref name="bodyHtml"/> must already be encoded; user text goes through <see cref="WebUtility.HtmlEncode"/> first.</summary>
    public static OutboundEmail Compose(string to, string? toName, string subject, string bodyHtml, string kind, DateTime now, string siteName = DefaultSiteName) =>
        OutboundEmail.Create(to, toName, subject, Layout(subject, bodyHtml, siteName), ToText(bodyHtml), kind, now);

    public const string DefaultSiteName = "AI Engineer Summit";

    public static string Layout(string title, string bodyHtml, string siteName = DefaultSiteName) => $$"""
        <!doctype html>
        <html lang="{{CultureInfo.CurrentUICulture.Name}}"><head><meta charset="utf-8"><title>{{WebUtility.HtmlEncode(title)}}</title></head>
        <body style="margin:0;background:#f4f5fb;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1b1d2a">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#fff;border-radius:12px;overflow:hidden">
        <tr><td style="background:#14123a;color:#fff;padding:20px 28px;font-size:18px;font-weight:700">{{WebUtility.HtmlEncode(siteName)}}</td></tr>
        <tr><td style="padding:28px;font-size:15px;line-height:1.55">{{bodyHtml}}</td></tr>
        <tr><td style="padding:16px 28px;font-size:12px;color:#6b6f85;border-top:1px solid #eceef5">{{WebUtility.HtmlEncode(EmailText.Get("You receive this because of your account or activity on the {0} site.", siteName))}}</td></tr>
        </table></td></tr></table></body></html>
        """;

    /// <summary>A readable plain-text version of simple HTML: links keep their address, tags go, entities decode.</summary>
    public static string ToText(string html)
    {
        var text = LinkRegex().Replace(html, m => $"{m.Groups[2].Value} ({WebUtility.HtmlDecode(m.Groups[1].Value)})");
        text = BreakRegex().Replace(text, "\n");
        text = BlockEndRegex().Replace(text, "\n\n");
        text = TagRegex().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = BlankLinesRegex().Replace(text, "\n\n");
        return text.Trim() + "\n";
    }

    [GeneratedRegex("<a\\s[^>]*href=[\"']([^\"']*)[\"'][^>]*>(.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex LinkRegex();
    [GeneratedRegex("<br\\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakRegex();
    [GeneratedRegex("</(p|div|h[1-6]|li|tr|table)>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEndRegex();
    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();
    [GeneratedRegex("\\n\\s*\\n\\s*(\\n\\s*)+")]
    private static partial Regex BlankLinesRegex();
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using AiEngineer.Core.Data;
using AiEngineer.Core.Email;
using AiEngineer.Web.Infrastructure.Content;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Email;

/// <summary>
/// Turns a kind of message plus its values into an outbox row, with the organizers' wording when they have written
/// one (<see cref="EmailTemplate"/>) and the catalog's default otherwise. The templates are few and small: all of them
/// are cached (<see cref="SharedCache{T}"/>) and reloaded by any save that touches one.
/// <para>
/// How a body becomes HTML: link placeholders become their address, the Markdown is rendered and sanitized (an
/// organizer's text gets no script, style or image), then text placeholders go in HTML-encoded and block placeholders
/// go in as the site drew them. A buyer's name can therefore never become markup or a link.
/// </para>
/// </summary>
public sealed class EmailTemplates(IServiceScopeFactory scopes, MarkdownRenderer markdown, ConferenceStore conferences,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Builder.RequestLocalizationOptions> languages, ILogger<EmailTemplates> log)
{
    private readonly SharedCache<IReadOnlyDictionary<(string Kind, string Language), EmailTemplate>> _saved = new(async ct =>
    {
        using var scope = scopes.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<AppDbContext>().EmailTemplates.AsNoTracking().ToListAsync(ct);
        return saved.ToDictionary(t => (t.Kind, t.Language));
    }, log);

    public sealed record Rendered(string Subject, string BodyHtml);

    /// <summary>The site's default language (English), whose wording every other language falls back to.</summary>
    public string DefaultLanguage => languages.Value.DefaultRequestCulture.UICulture.Name;

    /// <summary>
    /// Writes what follows in <paramref name="language"/> (a recipient's stored language; unknown or null: the default):
    /// the wording chosen by <see cref="Compose"/>, the site's own words (<see cref="EmailText"/>), dates and money. Dispose
    /// to return to the caller's culture.
    /// </summary>
    public IDisposable In(string? language)
    {
        var culture = Localization.LocalizationSetup.Supported(languages.Value, language) ?? languages.Value.DefaultRequestCulture.UICulture;
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        return new Restore(before.CurrentCulture, before.CurrentUICulture);
    }

    private sealed class Restore(CultureInfo culture, CultureInfo ui) : IDisposable
    {
        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
    }

    /// <summary>The English wording in force for a kind: the saved template, else the default.</summary>
    public (string Subject, string Body, EmailTemplate? Saved) Current(EmailKind kind) => Current(kind, DefaultLanguage);

    /// <summary>
    /// The wording in force for a kind in a language: the organizers' version for that language; else (none saved) the
    /// built-in one for that language (<see cref="EmailDefaults"/>); else, and whenever the saved translation is empty,
    /// the English in force.
    /// </summary>
    public (string Subject, string Body, EmailTemplate? Saved) Current(EmailKind kind, string language)
    {
        if (!string.Equals(language, DefaultLanguage, StringComparison.OrdinalIgnoreCase))
        {
            var translated = Saved().GetValueOrDefault((kind.Kind, language));
            if (translated is { Subject.Length: > 0, Body.Length: > 0 }) return (translated.Subject, translated.Body, translated);
            if (translated is null && EmailDefaults.For(kind.Kind, CultureInfo.GetCultureInfo(language)) is { } builtIn) return (builtIn.Subject, builtIn.Body, null);
        }
        var saved = Saved().GetValueOrDefault((kind.Kind, DefaultLanguage));
        return saved is null ? (kind.Subject, kind.Body, null) : (saved.Subject, saved.Body, saved);
    }

    /// <summary>
    /// An outbox row for <paramref name="kind"/> in the wording in force for the current language (see <see cref="In"/>);
    /// {conference_name} is filled here.
    /// </summary>
    public OutboundEmail Compose(string kind, string to, string? toName, IReadOnlyDictionary<string, string> values, DateTime now)
    {
        var k = EmailCatalog.Get(kind);
        var (subject, body, _) = Current(k, CultureInfo.CurrentUICulture.Name);
        var rendered = Render(k, subject, body, values, cacheBody: true);
        return EmailComposer.Compose(to, toName, rendered.Subject, rendered.BodyHtml, kind, now, ConferenceName());
    }

    /// <summary>
    /// Fills <paramref name="subject"/> and <paramref name="body"/> for <paramref name="kind"/>; used for sending and for the
    /// editor's preview. With <paramref name="cacheBody"/> (wording in force, not a preview) the rendered and sanitized
    /// Markdown is kept per wording: a rush of orders then renders the confirmation's Markdown once, not once per order.
    /// </summary>
    public Rendered Render(EmailKind kind, string subject, string body, IReadOnlyDictionary<string, string> values, bool cacheBody = false)
    {
        var all = new Dictionary<string, string>(values) { [EmailCatalog.ConferenceName.Name] = ConferenceName() };
        string Value(string name) => all.GetValueOrDefault(name, "");

        var plain = EmailTemplate.PlaceholderRegex().Replace(subject, m => kind.Find(m.Groups[1].Value) is { Kind: not PlaceholderKind.Block } ? Value(m.Groups[1].Value) : m.Value);

        var html = cacheBody ? SanitizedBody(kind, body) : Sanitize(kind, body);
        // Links the site made (Site:PublicUrl and a path), in place of the marks that went through the Markdown.
        foreach (var link in kind.Placeholders.Where(p => p.Kind == PlaceholderKind.Link))
        {
            var value = Value(link.Name);
            var safe = value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? value : "";
            html = html.Replace(LinkMark + link.Name, WebUtility.HtmlEncode(safe));
        }
        // A block alone in its paragraph replaces the paragraph (a table inside <p> is not valid HTML).
        html = EmailTemplate.PlaceholderRegex().Replace(html, m => kind.Find(m.Groups[1].Value) switch
        {
            { Kind: PlaceholderKind.Block } => "\u0001" + Value(m.Groups[1].Value) + "\u0002",
            { Kind: PlaceholderKind.Text } => WebUtility.HtmlEncode(Value(m.Groups[1].Value)).ReplaceLineEndings("<br>"),
            _ => m.Value,
        });
        html = html.Replace("<p>\u0001", "").Replace("\u0002</p>", "").Replace("\u0001", "").Replace("\u0002", "");
        return new Rendered(plain, html);
    }

    /// <summary>Stands for a link placeholder while the Markdown is rendered and sanitized: a plain https address, so it becomes a link wherever the real one would.</summary>
    private const string LinkMark = "https://link.invalid/";

    private readonly ConcurrentDictionary<(string Kind, string Body), string> _bodies = new();

    private string SanitizedBody(EmailKind kind, string body)
    {
        if (_bodies.TryGetValue((kind.Kind, body), out var html)) return html;
        if (_bodies.Count > 200) _bodies.Clear(); // old wordings of edited templates
        return _bodies[(kind.Kind, body)] = Sanitize(kind, body);
    }

    /// <summary>The body's Markdown rendered and sanitized, link placeholders as <see cref="LinkMark"/>, the other placeholders still in braces.</summary>
    private string Sanitize(EmailKind kind, string body) => markdown.ToSafeHtml(EmailTemplate.PlaceholderRegex().Replace(body,
        m => kind.Find(m.Groups[1].Value) is { Kind: PlaceholderKind.Link } ? LinkMark + m.Groups[1].Value : m.Value));

    /// <summary>Markdown an organizer wrote for one message (a decision draft, a broadcast), with no placeholders left.</summary>
    public string RenderMarkdown(string body) => markdown.ToSafeHtml(body);

    /// <summary>Sample values for a kind, for the preview.</summary>
    public static IReadOnlyDictionary<string, string> Samples(EmailKind kind) => kind.Placeholders.ToDictionary(p => p.Name, p => p.Sample);

    /// <summary>The conference's name in the current language.</summary>
    public string ConferenceName() => conferences.Get()?.LocalName is { Length: > 0 } name ? name : "AI Engineer Summit";

    public void Invalidate() => _saved.Invalidate();

    public Task ReloadAsync(CancellationToken ct = default) => _saved.ReloadAsync(ct);

    /// <summary>Loads the saved templates without blocking, so composing right after runs no query.</summary>
    public Task PrepareAsync(CancellationToken ct) => _saved.GetAsync(ct);

    private IReadOnlyDictionary<(string Kind, string Language), EmailTemplate> Saved() => _saved.Get();
}

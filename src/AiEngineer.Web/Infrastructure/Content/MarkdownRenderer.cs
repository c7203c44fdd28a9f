using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace AiEngineer.Web.Infrastructure.Content;

/// <summary>
/// Markdown that people type (bios, abstracts, sponsor blurbs) to HTML that is safe to show: Markdig renders,
/// HtmlSanitizer keeps only harmless tags, attributes and http(s)/mailto links. No script, event handler,
/// javascript: link, iframe or style survives.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .UseListExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "strong", "em", "b", "i", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td" })
            _sanitizer.AllowedTags.Add(tag);
        _sanitizer.AllowedAttributes.Clear();
        _sanitizer.AllowedAttributes.Add("href");
        _sanitizer.AllowedAttributes.Add("title");
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("http");
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowedCssProperties.Clear();
        _sanitizer.AllowDataAttributes = false;
        // Links people type lead off the site: no referrer, no ranking credit, no window.opener.
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a) a.SetAttribute("rel", "nofollow noopener noreferrer");
        };
    }

    public string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        return _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
    }

    public IHtmlContent Render(string? markdown) => new HtmlString(ToSafeHtml(markdown));
}

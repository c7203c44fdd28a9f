using AiEngineer.Web.Infrastructure.Content;

namespace AiEngineer.Web.Tests.Content;

public class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("[x](javascript:alert(1))", "javascript:")]
    [InlineData("[x](JaVaScRiPt:alert(1))", "javascript:")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<a href=\"https://ok.example\" onmouseover=\"x()\">a</a>", "onmouseover")]
    [InlineData("<p style=\"background:url(javascript:x)\">s</p>", "style")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    public void Hostile_markup_is_removed(string markdown, string forbidden)
    {
        Assert.DoesNotContain(forbidden, _renderer.ToSafeHtml(markdown), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ordinary_markdown_renders_and_links_are_marked_nofollow()
    {
        var html = _renderer.ToSafeHtml("**Bold** and [a link](https://example.com)\n\n- one\n- two");
        Assert.Contains("<strong>Bold</strong>", html);
        Assert.Contains("<a href=\"https://example.com\" rel=\"nofollow noopener noreferrer\">a link</a>", html);
        Assert.Contains("<li>one</li>", html);
    }
}

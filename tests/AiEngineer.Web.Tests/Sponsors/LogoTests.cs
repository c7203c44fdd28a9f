using System.Text;
using AiEngineer.Web.Infrastructure.Content;
using SkiaSharp;

namespace AiEngineer.Web.Tests.Sponsors;

/// <summary>Hostile logos: each is made safe or refused, and nothing dangerous survives into what is served.</summary>
public class LogoTests
{
    private static (ProcessedImage? Logo, string? Error) Svg(string svg)
    {
        var (logo, error) = LogoProcessor.Process(Encoding.UTF8.GetBytes(svg));
        return (logo, error?.English);
    }

    private static string Served(string svg)
    {
        var (logo, error) = Svg(svg);
        Assert.True(logo is not null, error);
        Assert.Equal("image/svg+xml", logo!.ContentType);
        return Encoding.UTF8.GetString(logo.Content);
    }

    private const string Open = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">";

    [Fact]
    public void A_plain_svg_logo_keeps_its_drawing()
    {
        var served = Served(Open + "<title>Acme</title><rect width=\"10\" height=\"10\" fill=\"#123456\"/><path d=\"M0 0L10 10\" stroke=\"red\"/></svg>");
        Assert.Contains("<rect", served);
        Assert.Contains("fill=\"#123456\"", served);
        Assert.Contains("<path", served);
    }

    [Theory]
    [InlineData("<script>alert(1)</script><rect width=\"1\" height=\"1\"/>", "script")]
    [InlineData("<rect width=\"1\" height=\"1\" onload=\"alert(1)\" onclick=\"x()\"/>", "onload")]
    [InlineData("<a href=\"javascript:alert(1)\"><rect width=\"1\" height=\"1\"/></a><rect width=\"2\" height=\"2\"/>", "javascript:")]
    [InlineData("<use xlink:href=\"javascript:alert(1)\"/><rect width=\"1\" height=\"1\"/>", "javascript:")]
    [InlineData("<image href=\"http://evil.example/x.png\" width=\"1\" height=\"1\"/><rect width=\"1\" height=\"1\"/>", "evil.example")]
    [InlineData("<use href=\"http://evil.example/sprite.svg#a\"/><rect width=\"1\" height=\"1\"/>", "evil.example")]
    [InlineData("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">hi</div></foreignObject><rect width=\"1\" height=\"1\"/>", "foreignObject")]
    [InlineData("<style>@import url(http://evil.example/x.css);</style><rect width=\"1\" height=\"1\"/>", "evil.example")]
    [InlineData("<rect width=\"1\" height=\"1\" style=\"fill:url(http://evil.example/p)\"/><rect width=\"2\" height=\"2\"/>", "evil.example")]
    [InlineData("<rect width=\"1\" height=\"1\" fill=\"url(data:image/png;base64,AAAA)\"/><rect width=\"2\" height=\"2\"/>", "data:")]
    public void Dangerous_parts_are_removed(string inner, string forbidden)
    {
        var served = Served(Open + inner + "</svg>");
        Assert.DoesNotContain(forbidden, served, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", served);
        Assert.Contains("<rect", served);
    }

    [Fact]
    public void An_entity_expansion_bomb_is_refused()
    {
        var bomb = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                   + Open + "<text>&c;</text></svg>";
        var (logo, error) = Svg(bomb);
        Assert.Null(logo);
        Assert.Contains("could not be read safely", error);
    }

    [Fact]
    public void An_external_entity_is_refused()
    {
        var (logo, _) = Svg("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + Open + "<text>&x;</text></svg>");
        Assert.Null(logo);
    }

    [Fact]
    public void Non_svg_xml_and_other_files_are_refused()
    {
        Assert.Equal("That file is not an SVG image.", Svg("<html><body>hi</body></html>").Error);
        Assert.Equal("The logo must be an SVG or PNG file.", LogoProcessor.Process([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 2, 3]).Error?.English);
        Assert.Contains("nothing left to draw", Svg(Open + "<script>x()</script></svg>").Error);
    }

    [Fact]
    public void An_oversized_file_is_refused_before_it_is_read()
    {
        var big = new byte[LogoProcessor.MaxBytes + 1];
        Assert.Contains("larger than 2 MB", LogoProcessor.Process(big).Error?.English);
    }

    [Fact]
    public void A_png_is_re_encoded_and_a_png_decompression_bomb_is_refused()
    {
        using var bitmap = new SKBitmap(64, 32);
        bitmap.Erase(SKColors.OrangeRed);
        using var png = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        var (logo, error) = LogoProcessor.Process(png.ToArray());
        Assert.True(logo is not null, error?.English);
        Assert.Equal(64, logo!.Width);
        Assert.NotEqual(png.ToArray(), logo.Content);

        // A tiny PNG whose header claims 50,000 × 50,000 pixels.
        var bomb = png.ToArray();
        WriteBigEndian(bomb, 16, 50_000);
        WriteBigEndian(bomb, 20, 50_000);
        var (none, bombError) = LogoProcessor.Process(bomb);
        Assert.Null(none);
        Assert.NotNull(bombError);
    }

    private static void WriteBigEndian(byte[] b, int at, int value)
    {
        b[at] = (byte)(value >> 24); b[at + 1] = (byte)(value >> 16); b[at + 2] = (byte)(value >> 8); b[at + 3] = (byte)value;
    }
}

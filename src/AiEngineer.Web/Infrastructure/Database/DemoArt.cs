using System.Security;
using AiEngineer.Web.Infrastructure.Content;
using SkiaSharp;

namespace AiEngineer.Web.Infrastructure.Database;

/// <summary>
/// Pictures for the demo, drawn at seed time so nothing is downloaded: speaker portraits (initials on a soft gradient,
/// encoded as <see cref="ImageProcessor"/> stores an uploaded photo) and sponsor logos (a mark and the company name,
/// passed through <see cref="SvgSanitizer"/> like an uploaded SVG).
/// </summary>
public static class DemoArt
{
    public const int PortraitSize = 320;

    /// <summary>Pairs of gradient colours, dark enough for white initials to read.</summary>
    private static readonly (string From, string To)[] Palettes =
    [
        ("#4b36d6", "#2ec5d3"), ("#7c5cff", "#ff7eb3"), ("#14123a", "#7c5cff"), ("#0f766e", "#34d399"),
        ("#b45309", "#f59e0b"), ("#be185d", "#f472b6"), ("#1d4ed8", "#60a5fa"), ("#6d28d9", "#a78bfa"),
        ("#0e7490", "#22d3ee"), ("#9f1239", "#fb7185"), ("#365314", "#84cc16"), ("#312e81", "#f97316"),
    ];

    /// <summary>A bold sans from the system's fonts, or null: SkiaSharp's Linux assets may not see fontconfig, so known files are tried too.</summary>
    private static readonly Lazy<SKTypeface?> Bold = new(() =>
    {
        foreach (var file in new[]
        {
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
            "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf", "/System/Library/Fonts/Supplemental/Arial Bold.ttf", @"C:\Windows\Fonts\arialbd.ttf",
        })
            if (File.Exists(file) && SKTypeface.FromFile(file) is { } face) return face;
        var matched = SKFontManager.Default.MatchFamily(null, SKFontStyle.Bold);
        return matched is { GlyphCount: > 0 } ? matched : null;
    });

    public static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).Take(2).Select(w => char.ToUpperInvariant(w[0])));

    /// <summary>A square portrait for <paramref name="name"/>: a diagonal gradient, two soft circles and the initials; the same name always draws the same picture.</summary>
    public static ProcessedImage Portrait(string name, int index)
    {
        var (from, to) = Palettes[index % Palettes.Length];
        using var bitmap = new SKBitmap(PortraitSize, PortraitSize, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var background = new SKPaint { IsAntialias = true };
            background.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(PortraitSize, PortraitSize),
                [SKColor.Parse(from), SKColor.Parse(to)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, PortraitSize, PortraitSize, background);
            using var glow = new SKPaint { IsAntialias = true, Color = new SKColor(255, 255, 255, 34) };
            var seed = (uint)name.Aggregate(17, (h, c) => h * 31 + c);
            canvas.DrawCircle(60 + seed % 280, 50 + seed / 7 % 120, 150, glow);
            canvas.DrawCircle(40 + seed / 13 % 320, 330 + seed / 3 % 60, 110, glow);
            using var ink = new SKPaint { IsAntialias = true, Color = SKColors.White };
            if (Bold.Value is { } typeface)
            {
                using var font = new SKFont(typeface, 118);
                var initials = Initials(name);
                var width = font.MeasureText(initials);
                font.GetFontMetrics(out var metrics);
                var baseline = PortraitSize / 2f - (metrics.Ascent + metrics.Descent) / 2f;
                canvas.DrawText(initials, (PortraitSize - width) / 2f, baseline, SKTextAlign.Left, font, ink);
            }
            else
            {
                // No font to draw initials with: a head-and-shoulders silhouette instead.
                ink.Color = new SKColor(255, 255, 255, 220);
                canvas.DrawCircle(PortraitSize / 2f, PortraitSize * 0.38f, PortraitSize * 0.16f, ink);
                canvas.DrawOval(new SKRect(PortraitSize * 0.2f, PortraitSize * 0.6f, PortraitSize * 0.8f, PortraitSize * 1.05f), ink);
            }
        }
        // Encoded as ImageProcessor stores an upload (WebP at its quality, no metadata), without its decode round trip.
        using var image = SKImage.FromBitmap(bitmap);
        using var webp = image.Encode(SKEncodedImageFormat.Webp, 85);
        return new ProcessedImage(webp.ToArray(), ImageProcessor.ContentType, PortraitSize, PortraitSize);
    }

    /// <summary>A wordmark logo: a coloured mark (one of four shapes) and the company name, as a sanitized SVG.</summary>
    public static ProcessedImage Logo(string company, int index)
    {
        var (from, to) = Palettes[(index * 5 + 3) % Palettes.Length];
        var mark = (index % 4) switch
        {
            0 => $"<circle cx=\"32\" cy=\"32\" r=\"22\" fill=\"url(#g)\"/><circle cx=\"32\" cy=\"32\" r=\"9\" fill=\"#fff\"/>",
            1 => $"<rect x=\"10\" y=\"10\" width=\"44\" height=\"44\" rx=\"12\" fill=\"url(#g)\"/><path d=\"M22 40 L32 22 L42 40 Z\" fill=\"#fff\"/>",
            2 => $"<path d=\"M32 8 L54 20 L54 44 L32 56 L10 44 L10 20 Z\" fill=\"url(#g)\"/><circle cx=\"32\" cy=\"32\" r=\"7\" fill=\"#fff\"/>",
            _ => $"<path d=\"M10 44 Q32 -4 54 44\" stroke=\"url(#g)\" stroke-width=\"10\" fill=\"none\" stroke-linecap=\"round\"/><circle cx=\"32\" cy=\"46\" r=\"7\" fill=\"{from}\"/>",
        };
        // Wide enough for the name at 26px (under 18.5px a character in a wide bold sans), so it never clips.
        var width = 96 + (int)Math.Ceiling(company.Length * 18.5);
        var svg = $"""
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 64" width="{width}" height="64" role="img">
            <title>{SecurityElement.Escape(company)}</title>
            <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="{from}"/><stop offset="1" stop-color="{to}"/></linearGradient></defs>
            {mark}
            <text x="68" y="41" font-family="Inter, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif" font-size="26" font-weight="700" fill="#14123a">{SecurityElement.Escape(company)}</text>
            </svg>
            """;
        var (logo, error) = LogoProcessor.Process(System.Text.Encoding.UTF8.GetBytes(svg));
        return logo ?? throw new InvalidOperationException("The demo logo could not be processed: " + error?.English);
    }
}

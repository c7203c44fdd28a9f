using System.Text;
using AiEngineer.Core.Messages;

namespace AiEngineer.Web.Infrastructure.Content;

/// <summary>Sponsor logos: SVG (sanitized) or PNG (decoded and re-encoded), at most 2 MB. Anything else is refused.</summary>
public static class LogoProcessor
{
    public const int MaxBytes = 2 * 1024 * 1024;
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static async Task<(ProcessedImage? Logo, Problem? Error)> ProcessAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return (null, "Upload your logo as an SVG or PNG file.");
        if (file.Length > MaxBytes) return (null, "The logo is larger than 2 MB. Please upload a smaller file.");
        using var buffer = new MemoryStream((int)file.Length);
        await using (var input = file.OpenReadStream()) await input.CopyToAsync(buffer, ct);
        return Process(buffer.ToArray());
    }

    public static (ProcessedImage? Logo, Problem? Error) Process(byte[] bytes)
    {
        if (bytes.Length == 0) return (null, "Upload your logo as an SVG or PNG file.");
        if (bytes.Length > MaxBytes) return (null, "The logo is larger than 2 MB. Please upload a smaller file.");
        if (bytes.AsSpan().StartsWith(PngSignature))
        {
            var (image, error) = ImageProcessor.Process(bytes, logo: true);
            return image is null ? (null, error) : (image, null);
        }
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        if (head.StartsWith('<'))
        {
            var (svg, error) = SvgSanitizer.Sanitize(bytes);
            return svg is null ? (null, error) : (new ProcessedImage(Encoding.UTF8.GetBytes(svg), "image/svg+xml", 0, 0), null);
        }
        return (null, "The logo must be an SVG or PNG file.");
    }
}

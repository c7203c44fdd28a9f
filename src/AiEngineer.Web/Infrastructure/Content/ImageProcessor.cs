using AiEngineer.Core.Messages;
using SkiaSharp;

namespace AiEngineer.Web.Infrastructure.Content;

/// <summary>An image ready to store: re-encoded (so no metadata survives), at most <see cref="ImageProcessor.MaxWidth"/> wide.</summary>
public sealed record ProcessedImage(byte[] Content, string ContentType, int Width, int Height);

/// <summary>
/// Takes an uploaded photo or logo and returns a clean copy, or a message saying why not (a <see cref="Problem"/>, which a
/// page says in the visitor's language). Checks the size before
/// reading, the format and dimensions from the header before decoding (a small file can claim a huge bitmap),
/// then decodes, scales down and re-encodes as WebP.
/// </summary>
public static class ImageProcessor
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxWidth = 2048;
    public const long MaxPixels = 40_000_000;
    public const string ContentType = "image/webp";

    public static async Task<(ProcessedImage? Image, Problem? Error)> ProcessAsync(IFormFile file, CancellationToken ct = default)
    {
        if (file.Length == 0) return (null, "The file is empty.");
        if (file.Length > MaxBytes) return (null, "The photo is larger than 5 MB. Please upload a smaller file.");
        using var buffer = new MemoryStream((int)file.Length);
        await using (var input = file.OpenReadStream()) await input.CopyToAsync(buffer, ct);
        return Process(buffer.ToArray());
    }

    /// <summary>The same for bytes already read; <paramref name="logo"/> words the messages for a sponsor's logo.</summary>
    public static (ProcessedImage? Image, Problem? Error) Process(byte[] bytes, bool logo = false)
    {
        var unsupported = logo ? "That file is not a PNG, JPEG or WebP image we can read. Please upload a PNG, JPEG or WebP logo."
            : "That file is not a PNG, JPEG or WebP image we can read. Please upload a PNG, JPEG or WebP photo.";
        if (bytes.Length == 0) return (null, "The file is empty.");
        if (bytes.Length > MaxBytes) return (null, "The photo is larger than 5 MB. Please upload a smaller file.");

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null) return (null, unsupported);
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Webp))
            return (null, unsupported);
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0) return (null, unsupported);
        if ((long)info.Width * info.Height > MaxPixels)
            return (null, logo ? (Problem)$"The logo is {info.Width}×{info.Height} pixels; please upload one under 40 megapixels."
                : $"The photo is {info.Width}×{info.Height} pixels; please upload one under 40 megapixels.");

        using var decoded = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) return (null, unsupported);

        using var upright = Orient(decoded, codec.EncodedOrigin);
        var (width, height) = (upright.Width, upright.Height);
        if (width > MaxWidth)
        {
            height = (int)Math.Max(1, Math.Round(height * (double)MaxWidth / width));
            width = MaxWidth;
        }
        using var scaled = width == upright.Width ? upright.Copy() : upright.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = SKImage.FromBitmap(scaled);
        using var encoded = image.Encode(SKEncodedImageFormat.Webp, 85);
        if (encoded is null) return (null, logo ? "The logo could not be processed. Please try another file." : "The photo could not be processed. Please try another file.");
        return (new ProcessedImage(encoded.ToArray(), ContentType, width, height), null);
    }

    /// <summary>Applies the EXIF orientation, which re-encoding would otherwise drop with the rest of the metadata.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default) return source.Copy();
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var target = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(target);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, source.Width / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, source.Width / 2f, source.Height / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, source.Height / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(target.Width, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, target.Height); canvas.RotateDegrees(270); break;
            case SKEncodedOrigin.LeftTop: // transpose: a quarter turn, then a mirror
                canvas.Scale(-1, 1, target.Width / 2f, 0); canvas.Translate(target.Width, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: // transverse
                canvas.Scale(-1, 1, target.Width / 2f, 0); canvas.Translate(0, target.Height); canvas.RotateDegrees(270); break;
        }
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return target;
    }
}

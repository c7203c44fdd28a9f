using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace AiEngineer.Web.Tests.Cfp;

public class ProfileTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private SiteFactory Site => fixture.Site;

    private static byte[] Image(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(new SKColor(124, 92, 255));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    /// <summary>A JPEG carrying an EXIF segment with a recognizable secret, as phones write GPS positions.</summary>
    private static byte[] JpegWithMetadata(string secret)
    {
        var jpeg = Image(64, 64, SKEncodedImageFormat.Jpeg);
        var payload = Encoding.ASCII.GetBytes("Exif\0\0" + secret);
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF; segment[1] = 0xE1;
        segment[2] = (byte)((payload.Length + 2) >> 8); segment[3] = (byte)((payload.Length + 2) & 0xFF);
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    private async Task<(HttpResponseMessage Response, string Html)> UploadAsync(HttpClient client, byte[] bytes, string fileName, string contentType)
    {
        var page = await client.GetStringAsync("/my/profile");
        var form = new MultipartFormDataContent
        {
            { new StringContent(HttpClientFormExtensions.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("Pat Photo"), "Input.DisplayName" },
            { new StringContent("Engineer, **evals**"), "Input.Bio" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "Photo", fileName);
        var response = await client.PostAsync("/my/profile", form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private Task<HttpClient> NewSpeakerAsync(string email) =>
        Site.CreateUserAsync(email).ContinueWith(_ => Site.SignedInClientAsync(email)).Unwrap();

    [Fact]
    public async Task A_wide_jpeg_is_scaled_to_2048_pixels_re_encoded_without_its_metadata_and_served_to_its_owner()
    {
        var client = await NewSpeakerAsync("photo@example.com");
        var (response, _) = await UploadAsync(client, JpegWithMetadata("SECRET-GPS-37.77N"), "me.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var small = await Site.WithDbAsync(db => db.SpeakerPhotos.SingleAsync(p => db.SpeakerProfiles.Any(s => s.PhotoId == p.Id && s.DisplayName == "Pat Photo")));
        Assert.DoesNotContain("SECRET-GPS", Encoding.ASCII.GetString(small.Content));
        Assert.Equal("image/webp", small.ContentType);

        var (wide, _) = await UploadAsync(client, Image(3000, 1000, SKEncodedImageFormat.Png), "wide.png", "image/png");
        Assert.Equal(HttpStatusCode.Redirect, wide.StatusCode);
        var photo = await Site.WithDbAsync(db => db.SpeakerProfiles.Where(s => s.DisplayName == "Pat Photo").Select(s => s.Photo!).SingleAsync());
        Assert.Equal(2048, photo.Width);
        Assert.Equal(683, photo.Height);
        using (var decoded = SKBitmap.Decode(photo.Content)) Assert.Equal(2048, decoded.Width);
        Assert.False(await Site.WithDbAsync(db => db.SpeakerPhotos.AnyAsync(p => p.Id == small.Id))); // the old one is gone

        var served = await client.GetAsync($"/my/profile?handler=Photo&id={photo.Id}");
        Assert.Equal("image/webp", served.Content.Headers.ContentType!.MediaType);
        var other = await NewSpeakerAsync("nosy@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/my/profile?handler=Photo&id={photo.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("malformed", "That file is not a PNG, JPEG or WebP image we can read.")]
    [InlineData("gif", "That file is not a PNG, JPEG or WebP image we can read.")]
    [InlineData("oversized", "The photo is larger than 5 MB.")]
    [InlineData("bomb", "please upload one under 40 megapixels")]
    public async Task A_bad_photo_is_refused_with_a_clear_message_and_nothing_changes(string kind, string message)
    {
        var email = $"bad-{kind}@example.com";
        var client = await NewSpeakerAsync(email);
        var bytes = kind switch
        {
            "malformed" => [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3, 4, 5, 6, 7, 8, 9],
            "gif" => Encoding.ASCII.GetBytes("GIF89a").Concat(new byte[64]).ToArray(),
            "oversized" => new byte[5 * 1024 * 1024 + 1],
            _ => PngHeaderClaiming(50_000, 50_000),
        };
        var (response, html) = await UploadAsync(client, bytes, "photo.png", "image/png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("Nothing was saved.", html);
        Assert.False(await Site.WithDbAsync(db => db.SpeakerProfiles.AnyAsync(p => p.UserId == db.Users.Single(u => u.Email == email).Id)));
    }

    [Fact]
    public async Task Profile_fields_have_length_limits_and_links_must_be_web_addresses()
    {
        var client = await NewSpeakerAsync("limits@example.com");
        var response = await client.PostFormAsync("/my/profile", new()
        {
            ["Input.DisplayName"] = new string('n', 101),
            ["Input.Website"] = "javascript:alert(1)",
            ["Input.Bio"] = new string('b', 3001),
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The name can be at most 100 characters.", html);
        Assert.Contains("The bio can be at most 3000 characters.", html);
        Assert.Contains("must be a full web address starting with https://", html);
        Assert.False(await Site.WithDbAsync(db => db.SpeakerProfiles.AnyAsync(p => p.Website.Contains("javascript"))));
    }

    /// <summary>A valid PNG for a huge image with almost no pixel data: a few hundred bytes that would decode to gigabytes.</summary>
    private static byte[] PngHeaderClaiming(int width, int height)
    {
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
        byte[] idat = [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]; // zlib stream of nothing
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32([.. typeBytes, .. data]));
        return chunk;
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}

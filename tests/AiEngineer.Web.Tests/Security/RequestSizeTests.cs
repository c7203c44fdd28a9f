using System.Net;
using AiEngineer.Web.Infrastructure.Security;
using AiEngineer.Web.Tests.Infrastructure;

namespace AiEngineer.Web.Tests.Security;

/// <summary>Oversized requests are refused with 413 or 400, never a server error; uploads within their limits still get a useful answer.</summary>
public class RequestSizeTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const int MB = 1024 * 1024;

    private async Task<(HttpClient Client, string Token)> SignedInWithTokenAsync(string email, string formPage)
    {
        await fixture.Site.CreateUserAsync(email);
        var client = await fixture.Site.SignedInClientAsync(email);
        return (client, HttpClientFormExtensions.AntiforgeryToken(await client.GetStringAsync(formPage)));
    }

    private static MultipartFormDataContent Photo(string token, int bytes)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Big Photo"), "Input.DisplayName" },
        };
        var file = new ByteArrayContent(new byte[bytes]);
        file.Headers.ContentType = new("image/png");
        content.Add(file, "Photo", "big.png");
        return content;
    }

    [Fact]
    public async Task A_photo_over_the_profile_page_limit_is_refused_with_413()
    {
        var (client, token) = await SignedInWithTokenAsync("bigphoto@size.example.com", "/my/profile");
        var response = await client.PostAsync("/my/profile", Photo(token, 7 * MB));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_photo_just_over_5_MB_gets_the_validation_message()
    {
        var (client, token) = await SignedInWithTokenAsync("photo@size.example.com", "/my/profile");
        var response = await client.PostAsync("/my/profile", Photo(token, 5 * MB + 100));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("larger than 5 MB", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_logo_over_the_sponsor_page_limit_is_refused_with_413()
    {
        var (client, token) = await SignedInWithTokenAsync("biglogo@size.example.com", "/sponsors/apply");
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(new byte[4 * MB]), "Logo", "logo.png" } };
        var response = await client.PostAsync("/sponsors/apply", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_form_over_10_MB_without_a_length_up_front_is_refused_with_400()
    {
        var (client, token) = await SignedInWithTokenAsync("chunked@size.example.com", "/my/profile");
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(new byte[11 * MB]), "Input.Bio", "bio.txt" } };
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tickets/checkout") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_text_field_over_1_MB_is_refused_with_400()
    {
        var (client, token) = await SignedInWithTokenAsync("longfield@size.example.com", "/my/profile");
        var response = await client.PostAsync("/tickets/checkout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.BuyerName"] = new string('a', RequestLimits.MaxFieldBytes + 1),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_form_with_too_many_fields_is_refused_with_400()
    {
        var (client, token) = await SignedInWithTokenAsync("manyfields@size.example.com", "/my/profile");
        var fields = Enumerable.Range(0, RequestLimits.MaxFields + 10).Select(i => new KeyValuePair<string, string>($"Input.Attendees[{i}].Name", "x"))
            .Append(new("__RequestVerificationToken", token));
        var response = await client.PostAsync("/tickets/checkout", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>On real Kestrel, where the server's own body limit applies.</summary>
public class KestrelRequestSizeTests(KestrelRequestSizeTests.Fixture fixture) : IClassFixture<KestrelRequestSizeTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        public Uri Address { get; private set; } = null!;
        protected override void Configure(SiteFactory site) => Address = site.StartKestrel();
    }

    [Fact]
    public async Task Kestrel_refuses_a_body_over_10_MB_with_413()
    {
        // Headers announcing 10 MB + 1 byte, then nothing: Kestrel must answer from the Content-Length alone.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(fixture.Address.Host, fixture.Address.Port);
        var stream = tcp.GetStream();
        var head = $"POST /tickets/checkout HTTP/1.1\r\nHost: {fixture.Address.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
                   $"Content-Length: {RequestLimits.MaxBodyBytes + 1}\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("HTTP/1.1 413 Payload Too Large", statusLine);
    }
}

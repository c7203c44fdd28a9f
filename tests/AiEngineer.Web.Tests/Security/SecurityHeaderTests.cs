using System.Net;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AiEngineer.Web.Tests.Security;

/// <summary>Headers and cookies outside Production (the test environment): everything but HSTS and Secure.</summary>
public class SecurityHeaderTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/no-such-page")]
    [InlineData("/healthz")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await fixture.Site.CreateClient().GetAsync(path);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp.Split(';').Single(d => d.Trim().StartsWith("script-src")));
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task Without_card_payment_configured_even_the_checkout_page_allows_forms_to_the_site_only()
    {
        var response = await fixture.Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/tickets/checkout?qty[1]=1");
        var formAction = Header(response, "Content-Security-Policy").Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("form-action"));
        Assert.Equal("form-action 'self'", formAction);
    }

    [Fact]
    public async Task No_page_has_an_inline_script_a_handler_an_inline_style_or_a_script_from_elsewhere()
    {
        var found = new List<string>();
        foreach (var path in new[] { "/", "/Identity/Account/Login", "/Identity/Account/Register", "/Identity/Account/ForgotPassword", "/Identity/Account/ResendEmailConfirmation" })
        {
            var html = await fixture.Site.CreateClient().GetStringAsync(path);
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, @"<script(?![^>]*\ssrc=)[^>]*>.{0,60}|<script[^>]*\ssrc=""(?!/)[^""]*""|\son[a-z]+\s*=\s*""[^""]{0,40}|\sstyle\s*=\s*""[^""]{0,40}"))
                found.Add($"{path}: {m.Value}");
        }
        Assert.Empty(found);
    }

    [Fact]
    public async Task Hsts_is_not_sent_outside_production()
    {
        var client = fixture.Site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://summit.example.com") });
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Cookies_are_httponly_and_samesite_but_not_secure_over_plain_http_outside_production()
    {
        await fixture.Site.CreateUserAsync("cookies@headers.example.com");
        var cookies = await CookieJar.SignInAsync(fixture.Site, new Uri("http://localhost"), "cookies@headers.example.com");
        cookies.AssertPolicy(secure: false);
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single()
        : response.Content.Headers.TryGetValues(name, out var content) ? content.Single()
        : throw new Xunit.Sdk.XunitException($"No {name} header");
}

/// <summary>The Production environment, as deployed: HSTS on HTTPS and Secure cookies.</summary>
public class ProductionSecurityTests(ProductionSecurityTests.Fixture fixture) : IClassFixture<ProductionSecurityTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        protected override string Environment => "Production";
    }

    private static readonly Uri Https = new("https://summit.example.com");

    [Fact]
    public async Task Hsts_is_sent_on_https_for_a_year_with_subdomains()
    {
        var client = fixture.Site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https });
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", SecurityHeaderTests.Header(response, "Strict-Transport-Security"));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaderTests.Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Hsts_is_never_sent_on_plain_http()
    {
        var client = fixture.Site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://summit.example.com") });
        var response = await client.GetAsync("/");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Auth_and_antiforgery_cookies_are_secure_httponly_and_samesite()
    {
        await fixture.Site.CreateUserAsync("cookies@production.example.com");
        var cookies = await CookieJar.SignInAsync(fixture.Site, Https, "cookies@production.example.com");
        cookies.AssertPolicy(secure: true);
    }

    [Fact]
    public async Task Unknown_pages_in_production_show_the_site_error_page()
    {
        var response = await fixture.Site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https }).GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Signs in by hand, keeping every Set-Cookie header as sent, so tests can read the cookie attributes.</summary>
internal sealed class CookieJar
{
    private readonly Dictionary<string, string> _values = new();
    private readonly Dictionary<string, string> _attributes = new();

    /// <summary>The attributes of a cookie's Set-Cookie header (everything after its value), lower-cased.</summary>
    public string Get(string name) => _attributes.TryGetValue(name, out var value) ? value : throw new Xunit.Sdk.XunitException($"No cookie {name}; got {string.Join(", ", _attributes.Keys)}");

    /// <summary>The site's cookie policy: auth SameSite=Lax, antiforgery Strict, every cookie HttpOnly, and Secure exactly when asked.</summary>
    public void AssertPolicy(bool secure)
    {
        Assert.Contains("samesite=lax", Get("aie.auth"));
        Assert.Contains("samesite=strict", Get("aie.af"));
        foreach (var (name, attributes) in _attributes)
        {
            Assert.Contains("httponly", attributes);
            Assert.True(attributes.Contains("secure") == secure, $"{name}: {attributes}");
        }
    }

    private string CookieHeader => string.Join("; ", _values.Select(c => c.Key + "=" + c.Value));

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        if (_values.Count > 0) request.Headers.Add("Cookie", CookieHeader);
        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
            foreach (var v in values)
            {
                var parts = v.Split(';', 2);
                var (name, value) = (parts[0].Split('=', 2)[0], parts[0].Split('=', 2)[1]);
                _values[name] = value;
                _attributes[name] = parts.Length > 1 ? parts[1].ToLowerInvariant() : "";
            }
        return response;
    }

    public static async Task<CookieJar> SignInAsync(SiteFactory site, Uri baseAddress, string email)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = baseAddress, HandleCookies = false, AllowAutoRedirect = false });
        var jar = new CookieJar();
        var page = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/Identity/Account/Login"));
        var token = HttpClientFormExtensions.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var response = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = SiteFactory.Password,
                ["__RequestVerificationToken"] = token,
            }),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return jar;
    }
}

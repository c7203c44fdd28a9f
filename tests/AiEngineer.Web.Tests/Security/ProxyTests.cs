using System.Net;
using AiEngineer.Web.Tests.Infrastructure;

namespace AiEngineer.Web.Tests.Security;

/// <summary>
/// Proxy:KnownProxies names the one proxy whose X-Forwarded-For and X-Forwarded-Proto are believed. The password-reset
/// limit (2 per address here) shows which address the app counted.
/// </summary>
public class ProxyTests(ProxyTests.Fixture fixture) : IClassFixture<ProxyTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        protected override void Configure(SiteFactory site)
        {
            site.Settings["Proxy:KnownProxies:0"] = "10.0.0.5";
            site.Settings["RateLimits:PasswordReset:PermitLimit"] = "2";
        }
    }

    private static HttpClient Forwarding(HttpClient client, string forwardedFor)
    {
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    [Fact]
    public async Task The_known_proxy_forwards_each_visitors_address()
    {
        var first = await RateLimitTests.PostTimesAsync(Forwarding(fixture.Site.CreateClientFrom("10.0.0.5"), "203.0.113.50"), "/Identity/Account/ForgotPassword", 3);
        Assert.All(first.Take(2), r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, first[2].StatusCode);
        // Another visitor behind the same proxy has a budget of their own.
        var second = await RateLimitTests.PostTimesAsync(Forwarding(fixture.Site.CreateClientFrom("10.0.0.5"), "203.0.113.51"), "/Identity/Account/ForgotPassword", 1);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, second[0].StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_from_anyone_else_are_ignored()
    {
        // A visitor who makes up a new X-Forwarded-For for every request is still one address.
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
            responses.AddRange(await RateLimitTests.PostTimesAsync(Forwarding(fixture.Site.CreateClientFrom("198.51.100.60"), $"203.0.113.{100 + i}"),
                "/Identity/Account/ForgotPassword", 1));
        Assert.All(responses.Take(2), r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, responses[2].StatusCode);
    }

    [Fact]
    public async Task The_proxys_https_makes_the_cookies_secure_and_no_one_else_can_claim_it()
    {
        // Outside Production cookies are Secure when the request is (SameAsRequest): the scheme the app saw shows in them.
        static async Task<string> AntiforgeryCookieAsync(HttpClient client)
        {
            var response = await client.GetAsync("/Identity/Account/Login");
            return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("aie.af=", StringComparison.Ordinal));
        }
        Assert.Contains("secure", await AntiforgeryCookieAsync(Forwarding(fixture.Site.CreateClientFrom("10.0.0.5"), "203.0.113.70")),
            StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", await AntiforgeryCookieAsync(Forwarding(fixture.Site.CreateClientFrom("198.51.100.70"), "203.0.113.71")),
            StringComparison.OrdinalIgnoreCase);
    }
}

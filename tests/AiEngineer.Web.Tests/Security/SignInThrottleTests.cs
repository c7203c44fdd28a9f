using System.Net;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Security;

/// <summary>
/// Failed sign-ins per client address (Accounts:SignInFailuresPerAddress, 20 in 5 minutes by default), counted in the
/// database: wrong passwords from one address are refused with 429 once past the limit, even a right one; successful
/// sign-ins from a shared address (a venue's Wi-Fi) never count; the window slides on the site's clock.
/// </summary>
public class SignInThrottleTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private HttpClient ClientFrom(string ip) => fixture.Site.CreateClientFrom(ip);

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var token = HttpClientFormExtensions.AntiforgeryToken(await client.GetStringAsync("/Identity/Account/Login"));
        return await client.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task Past_twenty_failures_from_one_address_sign_in_is_refused_until_the_window_slides_and_other_addresses_are_free()
    {
        var user = await fixture.Site.CreateUserAsync("throttled@example.com");
        var client = ClientFrom("198.51.100.7");
        // Twenty wrong passwords across many accounts (so no account's own lockout is what stops them).
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, $"guess{i}@example.com", "wrong-password-123")).StatusCode);

        var refused = await SignInAsync(client, user.Email!, SiteFactory.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 300);
        Assert.Contains("Too many failed sign-ins from your network. Try again in 5 minutes.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.False(refused.Headers.Contains("Set-Cookie") && refused.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal)));
        // Nothing about the account changed: the refused attempt did not count against it.
        Assert.Equal(0, await fixture.Site.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync()));
        // The addresses are stored only as hashes.
        Assert.False(await fixture.Site.WithDbAsync(db => db.SignInFailures.AnyAsync(f => f.Source.Contains("198.51"))));

        // Another address signs in at once; this one after the window has passed.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(ClientFrom("198.51.100.8"), user.Email!, SiteFactory.Password)).StatusCode);
        fixture.Site.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(ClientFrom("198.51.100.7"), user.Email!, SiteFactory.Password)).StatusCode);
    }

    [Fact]
    public async Task Successful_sign_ins_from_one_shared_address_never_count()
    {
        var user = await fixture.Site.CreateUserAsync("wifi@example.com");
        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(ClientFrom("192.0.2.50"), user.Email!, SiteFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(ClientFrom("192.0.2.50"), "typo@example.com", "wrong-password-123")).StatusCode);
    }
}

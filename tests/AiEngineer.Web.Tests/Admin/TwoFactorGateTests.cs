using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AiEngineer.Core.Accounts;
using AiEngineer.Web.Tests.Infrastructure;

namespace AiEngineer.Web.Tests.Admin;

/// <summary>Organizer pages open only once the organizer has an authenticator app (with the gate on, as in Production).</summary>
public partial class TwoFactorGateTests(TwoFactorGateTests.Fixture fixture) : IClassFixture<TwoFactorGateTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        protected override void Configure(SiteFactory site) => site.Settings["Accounts:RequireTwoFactorForOrganizers"] = "true";
    }

    [Fact]
    public async Task An_organizer_without_two_factor_is_sent_to_set_it_up_and_gets_in_once_it_is_on()
    {
        await fixture.Site.CreateUserAsync("gate.organizer@example.com", Roles.Organizer);
        var organizer = await fixture.Site.SignedInClientAsync("gate.organizer@example.com");

        foreach (var url in new[] { "/admin", "/admin/schedule", "/admin/people" })
        {
            var blocked = await organizer.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.StartsWith("/my/two-factor-required", blocked.Headers.Location!.ToString());
        }
        // A POST is stopped too, and changes nothing.
        var post = await organizer.PostFormAsync("/admin/schedule/setup?handler=Room", new() { ["Room.Name"] = "Gate room", ["Room.Capacity"] = "10" }, "/my/two-factor-required");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.False(await fixture.Site.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Rooms, r => r.Name == "Gate room")));
        Assert.Contains("Set up an authenticator app", await organizer.GetStringAsync("/my/two-factor-required?returnUrl=%2Fadmin"));

        // Turn on an authenticator app the way a person does: read the key, type the current code.
        var setup = await organizer.GetStringAsync("/Identity/Account/Manage/EnableAuthenticator");
        var key = KeyRegex().Match(setup).Groups[1].Value.Replace(" ", "");
        Assert.NotEmpty(key);
        var enable = await organizer.PostFormAsync("/Identity/Account/Manage/EnableAuthenticator", new() { ["Input.Code"] = Totp(key) });
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync("/admin/people")).StatusCode);
    }

    [Fact]
    public async Task The_gate_does_not_touch_other_signed_in_pages()
    {
        await fixture.Site.CreateUserAsync("gate.reviewer@example.com", Roles.Reviewer);
        var reviewer = await fixture.Site.SignedInClientAsync("gate.reviewer@example.com");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/my")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/review")).StatusCode);
    }

    /// <summary>RFC 6238 with Identity's defaults: HMAC-SHA1, 30-second steps, 6 digits, base32 key.</summary>
    private static string Totp(string base32)
    {
        var key = Base32(base32);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var code = ((hash[offset] & 0x7F) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6");
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0; var value = 0; var output = new List<byte>();
        foreach (var c in text.ToUpperInvariant().TrimEnd('='))
        {
            value = (value << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8) { output.Add((byte)(value >> (bits - 8))); bits -= 8; }
        }
        return [.. output];
    }

    [GeneratedRegex(@"<kbd>([a-z2-7 ]+)</kbd>")]
    private static partial Regex KeyRegex();
}

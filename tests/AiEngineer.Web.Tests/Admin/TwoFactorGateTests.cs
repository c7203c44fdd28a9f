using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Web.Tests.Infrastructure;

namespace AiEngineer.Web.Tests.Admin;

/// <summary>Organizer pages open only once the organizer has an authenticator app (with the gate on, as in Production).</summary>
public class TwoFactorGateTests(TwoFactorGateTests.Fixture fixture) : IClassFixture<TwoFactorGateTests.Fixture>
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
        var key = Totp.KeyOn(setup);
        Assert.NotEmpty(key);
        var enable = await organizer.PostFormAsync("/Identity/Account/Manage/EnableAuthenticator", new() { ["Input.Code"] = Totp.Code(key) });
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
}

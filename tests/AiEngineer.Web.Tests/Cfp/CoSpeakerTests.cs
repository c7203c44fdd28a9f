using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Cfp;

public partial class CoSpeakerTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private SiteFactory Site => fixture.Site;

    private static async Task<HttpResponseMessage> InviteAsync(HttpClient client, int id, string email) =>
        await client.PostFormAsync($"/my/submissions/{id}?handler=Invite", new() { ["InviteEmail"] = email }, formPage: $"/my/submissions/{id}");

    private async Task<string> InvitationPathAsync(string email)
    {
        var mail = await fixture.Smtp.WaitForAsync(email, m => m.Subject!.Contains("co-present"));
        return new Uri(System.Net.WebUtility.HtmlDecode(InvitationLinkRegex().Match(mail.HtmlBody!).Groups[1].Value)).PathAndQuery;
    }

    [Fact]
    public async Task An_invited_person_signs_in_accepts_and_appears_on_the_proposal_up_to_the_formats_limit()
    {
        var call = await Site.EnsureCallAsync();
        await Site.CreateUserAsync("lead@example.com");
        var lead = await Site.SignedInClientAsync("lead@example.com");
        var id = await lead.CreateProposalAsync(call, "Pair talk"); // Talk: one co-speaker

        Assert.Equal(HttpStatusCode.Redirect, (await InviteAsync(lead, id, "partner@example.com")).StatusCode);
        var path = await InvitationPathAsync("partner@example.com");
        Assert.StartsWith("/cfp/invitations/", path);
        var token = path["/cfp/invitations/".Length..];
        Assert.False(await Site.WithDbAsync(db => db.CoSpeakerInvitations.AnyAsync(i => i.TokenHash == token)));

        // The pending invitation counts against the limit and is listed.
        var full = await InviteAsync(lead, id, "third@example.com");
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Contains("at most 1 co-speaker", await full.Content.ReadAsStringAsync());
        Assert.Contains("partner@example.com", await lead.GetStringAsync($"/my/submissions/{id}"));

        // Signed out: the page asks to sign in or register and comes back here.
        var anonymous = Site.CreateBrowserlikeClient();
        var landing = await anonymous.GetStringAsync(path);
        Assert.Contains("Pair talk", landing);
        Assert.Contains("/Identity/Account/Login?returnUrl=" + Uri.EscapeDataString(path), landing, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/Identity/Account/Register?returnUrl=" + Uri.EscapeDataString(path), landing, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.PostFormAsync(path, [], formPage: "/Identity/Account/Login")).StatusCode); // accepting needs an account

        await Site.CreateUserAsync("partner@example.com");
        var partner = await Site.SignedInClientAsync("partner@example.com");
        var accept = await partner.PostFormAsync(path, []);
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.EndsWith($"/my/submissions/{id}", accept.Headers.Location!.ToString());
        Assert.Contains("Pair talk", await partner.GetStringAsync("/my/submissions"));
        Assert.Equal(2, await Site.WithDbAsync(db => db.ProposalSpeakers.CountAsync(s => s.ProposalId == id)));
        var joined = await fixture.Smtp.WaitForAsync("lead@example.com", m => m.Subject!.Contains("joined your proposal"));
        Assert.Contains("partner accepted your invitation", joined.TextBody);
        Assert.DoesNotContain(fixture.Smtp.To("partner@example.com"), m => m.Subject!.Contains("joined your proposal"));

        // Used once only.
        var again = await partner.GetStringAsync(path);
        Assert.Contains("already been accepted", again);
    }

    [Fact]
    public async Task A_revoked_invitation_link_no_longer_works()
    {
        var call = await Site.EnsureCallAsync();
        await Site.CreateUserAsync("host@example.com");
        var host = await Site.SignedInClientAsync("host@example.com");
        var id = await host.CreateProposalAsync(call, "Workshop for four", formatId: call.WorkshopId);
        await InviteAsync(host, id, "maybe@example.com");
        var path = await InvitationPathAsync("maybe@example.com");
        var invitationId = await Site.WithDbAsync(db => db.CoSpeakerInvitations.Where(i => i.ProposalId == id).Select(i => i.Id).SingleAsync());

        // Only a speaker on the proposal can revoke.
        await Site.CreateUserAsync("stranger@example.com");
        var stranger = await Site.SignedInClientAsync("stranger@example.com");
        var strangerPage = await stranger.GetStringAsync("/my/submissions");
        var denied = await stranger.PostAsync($"/my/submissions/{id}?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["invitationId"] = invitationId.ToString(),
            ["__RequestVerificationToken"] = HttpClientFormExtensions.AntiforgeryToken(strangerPage),
        }));
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);

        var revoke = await host.PostFormAsync($"/my/submissions/{id}?handler=Revoke", new() { ["invitationId"] = invitationId.ToString() }, formPage: $"/my/submissions/{id}");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);

        await Site.CreateUserAsync("maybe@example.com");
        var maybe = await Site.SignedInClientAsync("maybe@example.com");
        Assert.Contains("withdrawn by the speaker", await maybe.GetStringAsync(path));
        var accept = await maybe.PostFormAsync(path, []);
        Assert.Contains("withdrawn by the speaker", await accept.Content.ReadAsStringAsync());
        Assert.Equal(1, await Site.WithDbAsync(db => db.ProposalSpeakers.CountAsync(s => s.ProposalId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await maybe.GetAsync("/cfp/invitations/not-a-real-token")).StatusCode);
    }

    [GeneratedRegex("href=\"([^\"]*/cfp/invitations/[^\"]+)\"")]
    private static partial Regex InvitationLinkRegex();
}

using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Web.Tests.Infrastructure;

namespace AiEngineer.Web.Tests.Security;

public class FolderAuthorizationTests(FolderAuthorizationTests.Fixture fixture) : IClassFixture<FolderAuthorizationTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        public Dictionary<string, HttpClient> Clients { get; } = new();
    }

    private async Task<HttpClient> ClientFor(string who)
    {
        if (fixture.Clients.TryGetValue(who, out var existing)) return existing;
        HttpClient client;
        if (who == "anonymous")
        {
            client = fixture.Site.CreateBrowserlikeClient();
        }
        else
        {
            var role = who switch { "organizer" => Roles.Organizer, "reviewer" => Roles.Reviewer, "checkin" => Roles.CheckIn, _ => null };
            await fixture.Site.CreateUserAsync($"{who}@authz.example.com", role);
            client = await fixture.Site.SignedInClientAsync($"{who}@authz.example.com");
        }
        fixture.Clients[who] = client;
        return client;
    }

    [Theory]
    [InlineData("/admin", "anonymous", "login")]
    [InlineData("/admin", "user", "denied")]
    [InlineData("/admin", "reviewer", "denied")]
    [InlineData("/admin", "checkin", "denied")]
    [InlineData("/admin", "organizer", "ok")]
    [InlineData("/review", "anonymous", "login")]
    [InlineData("/review", "user", "denied")]
    [InlineData("/review", "checkin", "denied")]
    [InlineData("/review", "reviewer", "ok")]
    [InlineData("/review", "organizer", "ok")]
    [InlineData("/my", "anonymous", "login")]
    [InlineData("/my", "user", "ok")]
    [InlineData("/my", "reviewer", "ok")]
    public async Task Staff_folders_admit_only_their_roles(string path, string who, string outcome)
    {
        var client = await ClientFor(who);
        var response = await client.GetAsync(path);
        switch (outcome)
        {
            case "ok":
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
            case "login":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/Identity/Account/Login", response.Headers.Location!.ToString());
                break;
            case "denied":
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Contains("Not allowed", await response.Content.ReadAsStringAsync());
                break;
        }
    }

    [Fact]
    public async Task The_admin_page_shows_real_counts_to_an_organizer()
    {
        var client = await ClientFor("organizer");
        var html = await client.GetStringAsync("/admin");
        Assert.Contains("Back office", html);
        Assert.Contains("accounts", html);
        Assert.Contains("Organizer: <strong>1</strong>", html);
    }

    [Fact]
    public async Task A_form_posted_without_an_antiforgery_token_is_refused()
    {
        var client = fixture.Site.CreateBrowserlikeClient();
        var response = await client.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "x@example.com",
            ["Input.Password"] = "whatever-123",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

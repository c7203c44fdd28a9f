using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Web.Tests.Infrastructure;

namespace AiEngineer.Web.Tests.Security;

/// <summary>
/// Every page and every handler (GET and POST) under /Admin, /Review, /Checkin and /My, tried by an anonymous visitor,
/// a plain account, a reviewer, check-in staff and an organizer. The matrix below says who may pass; a page the app has
/// that the matrix does not list fails the test, so a new page must be given its access here.
/// </summary>
public class AuthorizationMatrixTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private enum Access { SignedIn, Reviewer, CheckIn, Organizer }

    private static readonly Dictionary<string, Access> Matrix = new()
    {
        ["/Admin/Index"] = Access.Organizer,
        ["/Admin/Audit/Index"] = Access.Organizer,
        ["/Admin/Cfp/Index"] = Access.Organizer,
        ["/Admin/Email/Compose"] = Access.Organizer,
        ["/Admin/Email/Index"] = Access.Organizer,
        ["/Admin/Email/Message"] = Access.Organizer,
        ["/Admin/Email/Templates/Edit"] = Access.Organizer,
        ["/Admin/Email/Templates/Index"] = Access.Organizer,
        ["/Admin/Exports/Index"] = Access.Organizer,
        ["/Admin/Feedback/Index"] = Access.Organizer,
        ["/Admin/Orders/Comp"] = Access.Organizer,
        ["/Admin/Orders/Detail"] = Access.Organizer,
        ["/Admin/Orders/Export"] = Access.Organizer,
        ["/Admin/Orders/Index"] = Access.Organizer,
        ["/Admin/People/Detail"] = Access.Organizer,
        ["/Admin/People/Index"] = Access.Organizer,
        ["/Admin/Review/Index"] = Access.Organizer,
        ["/Admin/Review/Notifications"] = Access.Organizer,
        ["/Admin/Review/Proposals"] = Access.Organizer,
        ["/Admin/Schedule/Index"] = Access.Organizer,
        ["/Admin/Schedule/Setup"] = Access.Organizer,
        ["/Admin/Schedule/Versions"] = Access.Organizer,
        ["/Admin/Settings/Index"] = Access.Organizer,
        ["/Admin/Sponsors/Detail"] = Access.Organizer,
        ["/Admin/Sponsors/Index"] = Access.Organizer,
        ["/Admin/Sponsors/Tiers/Edit"] = Access.Organizer,
        ["/Admin/Tickets/Edit"] = Access.Organizer,
        ["/Admin/Tickets/Index"] = Access.Organizer,
        ["/Admin/Vouchers/Index"] = Access.Organizer,
        ["/Review/Index"] = Access.Reviewer,
        ["/Review/Profile"] = Access.Reviewer,
        ["/Review/Proposal"] = Access.Reviewer,
        ["/Checkin/Index"] = Access.CheckIn,
        ["/My/Index"] = Access.SignedIn,
        ["/My/Agenda/Index"] = Access.SignedIn,
        ["/My/Agenda/Star"] = Access.SignedIn,
        ["/My/Availability/Index"] = Access.SignedIn,
        ["/My/Data/Index"] = Access.SignedIn,
        ["/My/Profile/Index"] = Access.SignedIn,
        ["/My/Sponsor/Index"] = Access.SignedIn,
        ["/My/Submissions/Details"] = Access.SignedIn,
        ["/My/Submissions/Edit"] = Access.SignedIn,
        ["/My/Submissions/Index"] = Access.SignedIn,
        ["/My/Tickets/Index"] = Access.SignedIn,
        ["/My/TwoFactor/Required"] = Access.SignedIn,
    };

    private static readonly string[] Folders = ["/Admin/", "/Review/", "/Checkin/", "/My/"];

    private static bool Allows(Access access, string? role) => access switch
    {
        Access.SignedIn => true,
        Access.Organizer => role == Roles.Organizer,
        Access.Reviewer => role is Roles.Reviewer or Roles.Organizer,
        Access.CheckIn => role is Roles.CheckIn or Roles.Organizer,
        _ => false,
    };

    private async Task<IReadOnlyList<PageDiscovery.Target>> ProtectedAsync() =>
        (await PageDiscovery.DiscoverAsync(fixture.Site.Services)).Where(t => Folders.Any(f => t.Page.StartsWith(f, StringComparison.Ordinal))).ToList();

    [Fact]
    public async Task Every_protected_page_is_in_the_matrix_and_every_matrix_page_exists()
    {
        var pages = (await ProtectedAsync()).Select(t => t.Page).Distinct().Order().ToList();
        Assert.Empty(pages.Except(Matrix.Keys));
        Assert.Empty(Matrix.Keys.Except(pages));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("plain")]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.CheckIn)]
    [InlineData(Roles.Organizer)]
    public async Task Each_person_passes_exactly_the_pages_the_matrix_gives_them(string? who)
    {
        HttpClient client;
        string? role = who == "plain" ? null : who;
        if (who is null)
        {
            client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });
        }
        else
        {
            var email = $"matrix.{who.ToLowerInvariant()}@example.com";
            await fixture.Site.CreateUserAsync(email, role);
            client = await fixture.Site.SignedInClientAsync(email);
        }

        var wrong = new List<string>();
        foreach (var target in await ProtectedAsync())
        {
            var response = target.Method == "GET"
                ? await client.GetAsync(target.Url)
                : await client.PostAsync(target.Url, new FormUrlEncodedContent(new Dictionary<string, string>()));
            var location = response.Headers.Location?.ToString() ?? "";
            var outcome = response.StatusCode switch
            {
                HttpStatusCode.Redirect when location.Contains("/Identity/Account/Login") => "login",
                HttpStatusCode.Forbidden or HttpStatusCode.NotFound when who is not null && !Allows(Matrix[target.Page], role) => "refused",
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "refused",
                _ => "passed",
            };
            var expected = who is null ? "login" : Allows(Matrix[target.Page], role) ? "passed" : "refused";
            // Past authorization a GET renders or redirects within the site and a POST without a token is refused with
            // 400 by antiforgery; neither may fail with a 5xx.
            if (outcome != expected || (int)response.StatusCode >= 500)
                wrong.Add($"{target.Method} {target.Url} ({target.Page}) as {who ?? "anonymous"}: {(int)response.StatusCode} {location}, expected {expected}");
        }
        Assert.Empty(wrong);
    }
}

using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AiEngineer.Web.Tests.Security;

/// <summary>
/// Finds every Razor Page handler that answers a POST (the app's pages and the Identity UI's) from the app's own
/// endpoints, so a page added tomorrow is covered without touching this test, and posts to each without a token.
/// </summary>
public class AntiforgeryTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    /// <summary>
    /// Endpoints that are not pages and take a POST on purpose: Stripe signs its webhook instead; the live hub's
    /// negotiation and long-polling transport are SignalR's own, and the hub changes nothing (browsers only join and
    /// leave topics of pages they may already read; questions and votes are antiforgery-checked page posts).
    /// </summary>
    private static readonly string[] NonPagePosts = ["/hubs/live", "/hubs/live/negotiate", "/stripe/webhook"];

    private async Task<IReadOnlyList<PageDiscovery.Target>> DiscoverAsync() =>
        (await PageDiscovery.DiscoverAsync(fixture.Site.Services)).Where(t => t.Method == "POST").ToList();

    [Fact]
    public async Task Every_page_post_handler_refuses_a_form_without_an_antiforgery_token()
    {
        var targets = await DiscoverAsync();
        // The discovery itself must work: the known forms are among what it found.
        Assert.Contains(targets, t => t.Page == "/Tickets/Checkout" && t.Handler is null);
        Assert.Contains(targets, t => t.Page == "/Admin/Orders/Detail" && t.Handler == "Refund");
        Assert.Contains(targets, t => t.Page == "/My/Submissions/Details" && t.Handler == "Invite");
        Assert.Contains(targets, t => t.Page == "/Identity/Account/Login");
        Assert.Contains(targets, t => t.Page == "/Identity/Account/ForgotPassword");
        Assert.True(targets.Count >= 60, $"only {targets.Count} POST handlers found");

        await fixture.Site.CreateUserAsync("organizer@antiforgery.example.com", Roles.Organizer);
        var organizer = await fixture.Site.SignedInClientAsync("organizer@antiforgery.example.com");
        var accepted = new List<string>();
        foreach (var target in targets)
        {
            var response = await organizer.PostAsync(target.Url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.com" }));
            if (response.StatusCode != HttpStatusCode.BadRequest) accepted.Add($"{target.Url} ({target.Page}) answered {(int)response.StatusCode}");
        }
        Assert.Empty(accepted);
    }

    [Fact]
    public void The_only_post_endpoint_that_is_not_a_page_is_the_stripe_webhook()
    {
        var posts = fixture.Site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m)))
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/'))
            .Order()
            .ToList();
        Assert.Equal(NonPagePosts, posts);
    }
}

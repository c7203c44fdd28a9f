using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace AiEngineer.Web.Tests.Security;

/// <summary>
/// Finds every Razor Page handler that answers a POST (the app's pages and the Identity UI's) from the app's own
/// endpoints, so a page added tomorrow is covered without touching this test, and posts to each without a token.
/// </summary>
public class AntiforgeryTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    /// <summary>Endpoints that are not pages and take a POST on purpose: Stripe signs its webhook instead.</summary>
    private static readonly string[] NonPagePosts = ["/stripe/webhook"];

    public sealed record PostTarget(string Page, string? Handler, string Url);

    private async Task<IReadOnlyList<PostTarget>> DiscoverAsync()
    {
        var services = fixture.Site.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var targets = new Dictionary<string, PostTarget>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            foreach (var handler in compiled.HandlerMethods.Where(h => !HttpMethods.IsGet(h.HttpMethod) && !HttpMethods.IsHead(h.HttpMethod)))
            {
                var key = $"{page.AreaName}{page.ViewEnginePath}?{handler.Name}";
                var url = Url(endpoint.RoutePattern) + (handler.Name is null ? "" : $"?handler={handler.Name}");
                // A page has an endpoint per route (/admin and /admin/index); the shortest one is enough.
                if (!targets.TryGetValue(key, out var seen) || url.Length < seen.Url.Length)
                    targets[key] = new PostTarget((page.AreaName is null ? "" : "/" + page.AreaName) + page.ViewEnginePath, handler.Name, url);
            }
        }
        return targets.Values.OrderBy(t => t.Url).ToList();
    }

    /// <summary>The route with plausible values for its parameters: numbers for numeric constraints, a GUID or a word otherwise.</summary>
    private static string Url(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Plausible(pattern, parameter),
            _ => "",
        })));
        return "/" + string.Join("/", segments);
    }

    private static string Plausible(RoutePattern pattern, RoutePatternParameterPart parameter)
    {
        var constraints = pattern.ParameterPolicies.TryGetValue(parameter.Name, out var policies) ? policies.Select(p => p.Content ?? "").ToList() : [];
        if (constraints.Any(c => c is "int" or "long")) return "1";
        if (constraints.Contains("guid")) return Guid.NewGuid().ToString();
        return "test-" + parameter.Name;
    }

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

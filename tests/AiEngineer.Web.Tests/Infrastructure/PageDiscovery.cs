using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace AiEngineer.Web.Tests.Infrastructure;

/// <summary>
/// Every Razor Page and its handlers, read from the app's own endpoints, so a page added tomorrow is covered by the
/// tests that walk them (antiforgery, the authorization matrix) without touching those tests.
/// </summary>
public static class PageDiscovery
{
    /// <summary>One handler of one page: <see cref="Method"/> GET or POST, <see cref="Handler"/> its name (null for the default).</summary>
    public sealed record Target(string Page, string Method, string? Handler, string Url);

    public static async Task<IReadOnlyList<Target>> DiscoverAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var targets = new Dictionary<string, Target>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            var name = (page.AreaName is null ? "" : "/" + page.AreaName) + page.ViewEnginePath;
            var handlers = compiled.HandlerMethods.Where(h => !HttpMethods.IsHead(h.HttpMethod))
                .Select(h => (Method: HttpMethods.IsGet(h.HttpMethod) ? "GET" : "POST", h.Name))
                .ToList();
            // A page without an OnGet still answers GET with its view.
            if (!handlers.Any(h => h.Method == "GET" && h.Name is null)) handlers.Add(("GET", null));
            foreach (var (method, handler) in handlers)
            {
                var key = $"{name} {method} {handler}";
                var url = Url(endpoint.RoutePattern) + (handler is null ? "" : $"?handler={handler}");
                // A page has an endpoint per route (/admin and /admin/index); the shortest one is enough.
                if (!targets.TryGetValue(key, out var seen) || url.Length < seen.Url.Length)
                    targets[key] = new Target(name, method, handler, url);
            }
        }
        return targets.Values.OrderBy(t => t.Url).ThenBy(t => t.Method).ToList();
    }

    /// <summary>The route with plausible values for its parameters: numbers for numeric constraints, a GUID or a word otherwise.</summary>
    private static string Url(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart { IsOptional: true, Name: "handler" } => "",
            RoutePatternParameterPart parameter => Plausible(pattern, parameter),
            _ => "",
        }))).Where(s => s.Length > 0);
        return "/" + string.Join("/", segments);
    }

    private static string Plausible(RoutePattern pattern, RoutePatternParameterPart parameter)
    {
        var constraints = pattern.ParameterPolicies.TryGetValue(parameter.Name, out var policies) ? policies.Select(p => p.Content ?? "").ToList() : [];
        if (constraints.Any(c => c is "int" or "long")) return "1";
        if (constraints.Contains("guid")) return Guid.NewGuid().ToString();
        return "test-" + parameter.Name;
    }
}

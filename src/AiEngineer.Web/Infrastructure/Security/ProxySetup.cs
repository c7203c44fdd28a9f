using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AiEngineer.Web.Infrastructure.Security;

/// <summary>
/// Bound to "Proxy": the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto the app believes. Empty (the
/// default): the app believes no one, and sees the connection's own address and scheme.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of the proxies, for example <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies live in, in CIDR form, for example <c>10.0.0.0/8</c> (a Kubernetes ingress's pods).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

/// <summary>
/// Behind a TLS-terminating proxy: a request that comes from one of <see cref="ProxyOptions"/>'s addresses takes its
/// client address and scheme from the proxy's headers, so Secure cookies and HSTS work, and rate limits and sign-in
/// limits count the visitor, not the proxy. The same headers from anyone else are ignored. One hop is read: the proxy
/// sets the header, and whatever a visitor put in it before is not believed.
/// </summary>
public static class ProxySetup
{
    public static WebApplicationBuilder AddProxy(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        builder.Services.AddSingleton(options);
        if (!options.Any) return builder;
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxies)
                o.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address) ? address
                    : throw new InvalidOperationException($"Proxy:KnownProxies has \"{proxy}\", which is not an IP address."));
            foreach (var network in options.KnownNetworks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed) ? parsed
                    : throw new InvalidOperationException($"Proxy:KnownNetworks has \"{network}\", which is not a network in CIDR form (10.0.0.0/8)."));
        });
        return builder;
    }

    /// <summary>First in the pipeline, before anything reads the scheme or the client's address.</summary>
    public static void UseProxy(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ProxyOptions>().Any) app.UseForwardedHeaders();
        if (string.Equals(Environment.GetEnvironmentVariable("ASPNETCORE_FORWARDEDHEADERS_ENABLED"), "true", StringComparison.OrdinalIgnoreCase))
            app.Logger.LogWarning("ASPNETCORE_FORWARDEDHEADERS_ENABLED believes X-Forwarded-For from any sender; name the proxy in Proxy:KnownProxies instead");
    }
}

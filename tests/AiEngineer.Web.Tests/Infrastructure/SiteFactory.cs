using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AiEngineer.Web.Tests.Infrastructure;

internal static class TestAssemblySetup
{
    [ModuleInitializer]
    internal static void Init()
    {
        // Every test host would otherwise watch its config files; inotify instances run out (TOOLCHAIN.md).
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("ASPNETCORE_hostBuilder__reloadConfigOnChange", "false");
    }
}

/// <summary>
/// The real app on a throwaway database, sending mail over real SMTP to an in-process server,
/// with a fake clock that starts at the real now (moved by <see cref="TestClock.Shift"/>). Serves in memory, or on Kestrel for the browser.
/// </summary>
public class SiteFactory(TestDatabase database, SmtpSink smtp, string environment = "Testing") : WebApplicationFactory<Program>
{
    public const string Password = "Test-Passw0rd-2026";

    public TestDatabase Database { get; } = database;
    public SmtpSink Smtp { get; } = smtp;
    public FakeTimeProvider Time { get; } = new(TestClock.Start());
    public Dictionary<string, string?> Settings { get; } = new();
    public Uri? KestrelAddress { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting($"ConnectionStrings:{Database.Provider}", Database.ConnectionString);
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", Smtp.Port.ToString());
        builder.UseSetting("Email:Smtp:UseTls", "false");
        builder.UseSetting("Email:Smtp:TimeoutSeconds", "5");
        builder.UseSetting("Email:Outbox:PollSeconds", "0.2");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Tests sign organizers in with a password only; TwoFactorGateTests turn the gate on.
        builder.UseSetting("Accounts:RequireTwoFactorForOrganizers", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.UseStaticWebAssets();
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    /// <summary>Serves on a real loopback port (any free one unless given), for Chromium.</summary>
    public Uri StartKestrel(int port = 0)
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        KestrelAddress = new Uri(addresses.Addresses.First());
        return KestrelAddress;
    }

    /// <summary>Day <paramref name="index"/> (0 = the first) of the conference in the database, as the forms take it ("yyyy-MM-dd").</summary>
    public Task<string> EventDayAsync(int index = 0) => WithDbAsync(async db =>
        (await db.Conferences.AsNoTracking().OrderBy(c => c.Id).Select(c => c.StartDate).FirstAsync()).AddDays(index)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public HttpClient CreateBrowserlikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser-like client whose requests come from the given address, as Kestrel (or the forwarded-headers middleware) would see it.</summary>
    public HttpClient CreateClientFrom(string ip)
    {
        var handler = Server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Parse(ip));
        return new HttpClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler { InnerHandler = handler }) { BaseAddress = Server.BaseAddress };
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A confirmed account, optionally in a staff role.</summary>
    public async Task<AppUser> CreateUserAsync(string email, string? role = null, string password = Password)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], CreatedAt = Time.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        if (role is not null) await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>Signs in through the real login form and returns a client carrying the cookie.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = Password)
    {
        var client = CreateBrowserlikeClient();
        var response = await client.PostFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in for {email} failed: {(int)response.StatusCode}");
        return client;
    }
}

public static partial class HttpClientFormExtensions
{
    /// <summary>GETs the page, takes its antiforgery token, and POSTs the form as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = AntiforgeryToken(page);
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>The page a response leads to, as a person sees it: the response itself, or where its redirect goes; HTML-decoded.</summary>
    public static async Task<string> ShownAsync(this HttpClient client, HttpResponseMessage response)
    {
        var html = response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } to
            ? await client.GetStringAsync(to)
            : await response.Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(html);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenRegex().Match(html);
        if (!match.Success) throw new InvalidOperationException("The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}

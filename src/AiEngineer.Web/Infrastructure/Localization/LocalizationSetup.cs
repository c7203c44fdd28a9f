using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Infrastructure.Localization;

/// <summary>Bound to "Localization". A language is its resource files plus one entry here.</summary>
public sealed class LocalizationOptions
{
    public const string Section = "Localization";

    /// <summary>Culture names the site speaks, the default first (appsettings.json; empty means English and Simplified Chinese).</summary>
    public string[] Languages { get; set; } = [];

    public static readonly string[] Default = ["en", "zh-Hans"];
}

/// <summary>
/// The visitor's language, in this order: the culture cookie (set by the header's language links, and at sign-in from
/// the account), then Accept-Language (zh-CN and zh-SG fall back to zh-Hans), then the default. Formatting follows the
/// same culture; instants are still shown in the event's time zone.
/// </summary>
public static class LocalizationSetup
{
    public static WebApplicationBuilder AddSiteLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<TranslationForm>();
        builder.Services.AddSingleton<Pages.Shared.RuleMessages>(); // Core's messages in the visitor's language
        // Razor writes Chinese as itself rather than as &#x...; entities (the default encoder passes Latin only). Markup
        // characters are still encoded whatever the range.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.Configure<LocalizationOptions>(builder.Configuration.GetSection(LocalizationOptions.Section));
        builder.Services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<LocalizationOptions>>((o, site) =>
        {
            var cultures = Cultures(site.Value);
            o.DefaultRequestCulture = new RequestCulture(cultures[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider { MaximumAcceptLanguageHeaderValuesToTry = 5 },
            ];
        });
        return builder;
    }

    public static IList<CultureInfo> Cultures(LocalizationOptions options)
    {
        var names = options.Languages.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0) names.AddRange(LocalizationOptions.Default);
        return names.Select(CultureInfo.GetCultureInfo).ToList();
    }

    /// <summary>The supported culture a stored or requested name means, or null (an unknown name changes nothing).</summary>
    public static CultureInfo? Supported(RequestLocalizationOptions options, string? name) =>
        string.IsNullOrWhiteSpace(name) ? null
            : options.SupportedUICultures?.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes the standard culture cookie for a year (Lax, HttpOnly; Secure in Production via the cookie policy).</summary>
    public static void RememberCulture(HttpContext http, CultureInfo culture) =>
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1),
                IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/",
            });

    public static void UseSiteLocalization(this WebApplication app) => app.UseRequestLocalization();

    /// <summary>
    /// <c>GET /language?c=zh-Hans&amp;returnUrl=/tickets</c>: the header's language links. Links rather than a form, because
    /// the public pages are output-cached and so can carry no antiforgery token; what a forged link can do is switch a
    /// visitor's language, which they switch back in one click. An unknown language changes nothing; only a local
    /// return address is followed. Signed in, the choice is stored on the account too.
    /// </summary>
    public static void MapLanguageSwitch(this WebApplication app) =>
        app.MapGet("/language", async (HttpContext http, string? c, string? returnUrl, IOptions<RequestLocalizationOptions> options,
            Microsoft.AspNetCore.Identity.UserManager<Core.Accounts.AppUser> users) =>
        {
            var target = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
                ? returnUrl : "/";
            if (Supported(options.Value, c) is not { } culture) return Results.LocalRedirect(target);
            RememberCulture(http, culture);
            if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } me && me.Language != culture.Name)
            {
                me.Language = culture.Name;
                await users.UpdateAsync(me);
            }
            return Results.LocalRedirect(target);
        });

    /// <summary>On every sign-in (password, two-factor, anything else): the account's language becomes the browser's, or the
    /// browser's is stored on an account that has none yet.</summary>
    public static async Task ApplyAccountLanguageAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieSignedInContext context)
    {
        var http = context.HttpContext;
        var users = http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Accounts.AppUser>>();
        var options = http.RequestServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value;
        if (context.Principal is null || await users.GetUserAsync(context.Principal) is not { } user) return;
        if (Supported(options, user.Language) is { } stored)
        {
            RememberCulture(http, stored);
            return;
        }
        user.Language = CultureInfo.CurrentUICulture.Name;
        await users.UpdateAsync(user);
    }
}

/// <summary>How the language links name a language: in that language, as its speakers write it ("English", "中文（简体）").</summary>
public static class Languages
{
    /// <summary>The same for a stored culture name; a name the machine does not know is shown as it is.</summary>
    public static string Label(string name)
    {
        try { return Label(CultureInfo.GetCultureInfo(name, predefinedOnly: true)); }
        catch (CultureNotFoundException) { return name; }
    }

    public static string Label(CultureInfo culture)
    {
        var name = culture.NativeName;
        return name.Length == 0 ? culture.Name : culture.TextInfo.ToUpper(name[0]) + name[1..];
    }
}

using AiEngineer.Web.Infrastructure.Localization;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace AiEngineer.Web.Infrastructure.Security;

public static class AccountsSetup
{
    /// <summary>Identity with EF stores and the Identity UI, staff roles, folder authorization and shared data-protection keys.</summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddDefaultIdentity<AppUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = true;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddErrorDescriber<Areas.Identity.Pages.Account.AccountErrorDescriber>() // Identity's messages in the visitor's language
            .AddEntityFrameworkStores<AppDbContext>();

        // Keys in the database: every instance reads the same ring, so a cookie from one works on another.
        builder.Services.AddDataProtection()
            .SetApplicationName("AiEngineer.Summit")
            .PersistKeysToDbContext<AppDbContext>();

        // Every cookie the site sets (auth, antiforgery, TempData, Identity's own) is HttpOnly, at least SameSite=Lax,
        // and Secure in Production.
        var secure = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
            o.Secure = secure;
        });
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "aie.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
            o.LoginPath = "/Identity/Account/Login";
            o.AccessDeniedPath = "/Identity/Account/AccessDenied";
            // Signed in but not allowed: answer 403 with the site's "Not allowed" page (status-code pages), not a redirect.
            o.Events.OnSignedIn = Localization.LocalizationSetup.ApplyAccountLanguageAsync;
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "aie.af";
            o.Cookie.HttpOnly = true;
            // Only this site's own pages ever post the token back, so the cookie need not travel on cross-site navigation.
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
        });

        Policies.Configure(builder.Services.AddAuthorizationBuilder());

        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", Policies.Organizer);
            o.Conventions.AuthorizeFolder("/Review", Policies.Reviewer);
            o.Conventions.AuthorizeFolder("/Checkin", Policies.CheckIn);
            o.Conventions.AuthorizeFolder("/My");
            // The account settings (the Identity UI says so too; said here so that it holds without it).
            o.Conventions.AuthorizeAreaFolder("Identity", "/Account/Manage");
            o.Conventions.AddFolderApplicationModelConvention("/Admin", m => m.Filters.Add(new TwoFactorGate()));
        })
        // Every form validates on the server. Without client validation an empty validation summary renders nothing,
        // instead of the <li style="display:none"> that the CSP (style-src 'self') refuses, and inputs carry no data-val-*.
        .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
        .AddValidationLocalization();
        builder.Services.Configure<AccountsOptions>(builder.Configuration.GetSection(AccountsOptions.Section));
        builder.Services.AddScoped<PersonalData>();
        builder.Services.AddScoped<SignInThrottle>();
        // Role changes and sign-outs elsewhere reach a signed-in browser within a minute, not the default 30.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        return builder;
    }
}

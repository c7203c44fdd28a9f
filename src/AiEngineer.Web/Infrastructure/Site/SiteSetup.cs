using System.Text.Json;
using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace AiEngineer.Web.Infrastructure.Site;

public static class SiteSetup
{
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        // Outside a request (workers, commands) the site speaks US English whatever the server's locale; a request gets the
        // visitor's culture from the request localization middleware (Infrastructure/Localization).
        System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddSingleton<ConferenceStore>();
        builder.Services.AddScoped<ConferenceContext>();
        builder.Services.AddSingleton<Pages.Schedule.ProgramStore.Cache>();
        builder.Services.AddScoped<Pages.Schedule.ProgramStore>();
        builder.Services.AddScoped<Pages.Admin.Schedule.ScheduleDraft>();
        builder.Services.AddSingleton<Content.MarkdownRenderer>();
        builder.AddPublicPageCache();
        return builder;
    }

    public static void UseSite(this WebApplication app)
    {
        app.UseProxy();
        if (!app.Environment.IsDevelopment())
        {
            // A database outage answers 503 quickly (the connection timeout is short, see DatabaseSetup) with the
            // friendly page and Retry-After; the page itself must not need the database (Error.cshtml).
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                StatusCodeSelector = ex => DatabaseOutage.IsOutage(ex) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            });
        }
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseSecurityHeaders();
        app.UseCookiePolicy();
        app.UseStaticFiles();
        // Before everything that writes a page (error pages too) and before the output cache, which varies by culture.
        Localization.LocalizationSetup.UseSiteLocalization(app);
        app.UseLogging();
        app.UseReadinessGate();
        // Identity's own personal-data pages would delete an account but leave its name and email on orders: /my/data does it properly.
        app.Use((ctx, next) =>
        {
            if (!ctx.Request.Path.StartsWithSegments("/Identity/Account/Manage/DeletePersonalData", StringComparison.OrdinalIgnoreCase)
                && !ctx.Request.Path.StartsWithSegments("/Identity/Account/Manage/DownloadPersonalData", StringComparison.OrdinalIgnoreCase))
                return next();
            // A visit goes to /my/data; a post to the stock handlers is refused (they never run).
            if (HttpMethods.IsGet(ctx.Request.Method)) ctx.Response.Redirect("/my/data");
            else ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        });
        app.UseRouting();
        app.UseRequestLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // Before the output cache: while the waiting room is on, a cached /tickets must not reach a buyer without a pass.
        Tickets.WaitingRoomMiddleware.UseWaitingRoom(app);
        // After authentication, so the cache sees who is signed in and leaves them out.
        app.UseOutputCache();
        app.UseConcurrencyGate();

        // Probes read; nothing is posted to them.
        var probe = new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).WithMetadata(probe);
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = async (ctx, report) =>
            {
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
                }));
            },
        }).WithMetadata(probe);
        Localization.LocalizationSetup.MapLanguageSwitch(app);
        Tickets.TicketingSetup.MapTicketing(app);
        Sponsors.SponsorsSetup.MapSponsors(app);
        Pages.Schedule.ScheduleFeeds.MapScheduleFeeds(app);
        Live.LiveSetup.MapLive(app);
        Pages.My.Agenda.AgendaFeedEndpoint.MapAgendaFeed(app);
        app.MapRazorPages();
    }

    private static void UseLogging(this WebApplication app) => Logging.LoggingSetup.UseRequestLogging(app);
}

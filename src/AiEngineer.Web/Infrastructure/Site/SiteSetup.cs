using System.Text.Json;
using AiEngineer.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace AiEngineer.Web.Infrastructure.Site;

public static class SiteSetup
{
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        // The site speaks US English (dates, numbers) whatever the server's locale.
        System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<DemoSeeder>();
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
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            if (app.Environment.IsProduction()) app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h.XFrameOptions = "DENY";
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            await next();
        });
        app.UseStaticFiles();
        app.UseLogging();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication, so the cache sees who is signed in and leaves them out.
        app.UseOutputCache();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
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
        });
        Tickets.TicketingSetup.MapTicketing(app);
        Sponsors.SponsorsSetup.MapSponsors(app);
        Pages.Schedule.ScheduleFeeds.MapScheduleFeeds(app);
        app.MapRazorPages();
    }

    private static void UseLogging(this WebApplication app) => Logging.LoggingSetup.UseRequestLogging(app);
}

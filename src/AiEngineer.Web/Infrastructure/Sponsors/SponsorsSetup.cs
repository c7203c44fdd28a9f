using AiEngineer.Core.Data;
using AiEngineer.Core.Sponsors;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Sponsors;

public static class SponsorsSetup
{
    public static WebApplicationBuilder AddSponsors(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SponsorOptions>(builder.Configuration.GetSection(SponsorOptions.Section));
        builder.Services.AddScoped<ISponsorEmails, SponsorEmails>();
        builder.Services.AddScoped<SponsorSales>();
        builder.Services.AddScoped<SponsorCardPayments>();
        return builder;
    }

    /// <summary>/sponsors/logo/{id}: a live sponsor's logo for everyone; a pending one only for its contact and organizers.</summary>
    public static void MapSponsors(this WebApplication app) =>
        app.MapGet("/sponsors/logo/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var user = http.User;
            var userId = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            var organizer = user.IsInRole(Core.Accounts.Roles.Organizer);
            var allowed = await db.Sponsorships.AnyAsync(s =>
                (s.LogoId == id && s.Status == SponsorshipStatus.Live)
                || ((s.LogoId == id || s.PendingLogoId == id) && (organizer || s.ContactUserId == userId)), ct);
            if (!allowed) return Results.NotFound();
            var logo = await db.SponsorLogos.AsNoTracking().FirstAsync(l => l.Id == id, ct);
            // An SVG is served as an image only: no script may run even if opened directly.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.File(logo.Content, logo.ContentType);
        });
}

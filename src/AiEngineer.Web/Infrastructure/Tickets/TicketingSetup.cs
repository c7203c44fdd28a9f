using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Tickets;

public static class TicketingSetup
{
    public static WebApplicationBuilder AddTicketing(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<TicketingOptions>(builder.Configuration.GetSection(TicketingOptions.Section));
        builder.Services.AddSingleton<TicketingSettings>();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IOptionsMonitor<TicketingOptions>>(sp => sp.GetRequiredService<TicketingSettings>());
        builder.Services.Configure<SiteOptions>(builder.Configuration.GetSection(SiteOptions.Section));
        builder.Services.AddScoped<ITicketEmails, TicketEmails>();
        builder.Services.AddScoped<TicketEmails>();
        builder.Services.AddScoped<TicketSales>();
        builder.Services.AddScoped<TicketHolders>();
        builder.Services.AddSingleton<TicketTypeStore>();
        builder.Services.AddScoped<SpeakerTickets>();
        builder.Services.AddSingleton<WaitingRoomStore>();
        builder.Services.AddSingleton<WaitingRoomTrigger>();
        builder.Services.AddScoped<WaitingRoomGate>();
        builder.Services.Configure<Payments.StripeOptions>(builder.Configuration.GetSection(Payments.StripeOptions.Section));
        builder.Services.AddSingleton<Payments.IPaymentGateway, Payments.StripeGateway>();
        builder.Services.AddScoped<Payments.StripeWebhook>();
        builder.Services.AddScoped<Payments.OrderRefunds>();
        if (builder.Configuration.GetValue("Tickets:ExpirySweepEnabled", true))
            builder.Services.AddHostedService<HoldExpiryWorker>();
        return builder;
    }

    /// <summary>/tickets/qr/{code}.png: the QR image that emails show. Only for codes of existing tickets.</summary>
    public static void MapTicketing(this WebApplication app)
    {
        Payments.StripeWebhook.Map(app);
        app.MapGet("/tickets/qr/{code}.png", async (string code, AppDbContext db, CancellationToken ct) =>
        {
            if (code.Length > 32 || !await db.Tickets.AnyAsync(t => t.Code == code, ct)) return Results.NotFound();
            return Results.File(QrCodes.Png(code), "image/png");
        });
    }
}

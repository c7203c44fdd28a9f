using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Infrastructure.Email;

public static class EmailSetup
{
    /// <summary>The outbox, its worker, and the transport: SMTP when Email:Smtp:Host is set, .eml files otherwise.</summary>
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.Section));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<EmailTemplates>();
        builder.Services.AddSingleton<OutboxSaveChangesInterceptor>();
        builder.Services.AddSingleton<SmtpMailTransport>();
        builder.Services.AddSingleton<PickupDirectoryTransport>();
        builder.Services.AddSingleton<IMailTransport>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptionsMonitor<EmailOptions>>().CurrentValue.Smtp.Host)
                ? sp.GetRequiredService<PickupDirectoryTransport>()
                : sp.GetRequiredService<SmtpMailTransport>());
        builder.Services.AddSingleton<OutboxWorker>();
        if (builder.Configuration.GetValue("Email:Outbox:Enabled", true))
            builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        builder.Services.AddScoped<IEmailSender, IdentityEmailSender>();
        return builder;
    }
}

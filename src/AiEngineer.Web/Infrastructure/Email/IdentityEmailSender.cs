using AiEngineer.Core.Data;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace AiEngineer.Web.Infrastructure.Email;

/// <summary>Identity's confirmation and reset emails, through the outbox like every other message.</summary>
public sealed class IdentityEmailSender(AppDbContext db, TimeProvider time) : IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var kind = subject.Contains("reset", StringComparison.OrdinalIgnoreCase) ? "account.reset-password"
            : subject.Contains("confirm", StringComparison.OrdinalIgnoreCase) ? "account.confirm-email"
            : "account";
        db.OutboundEmails.Add(EmailComposer.Compose(email, null, subject, $"<p>{htmlMessage}</p>", kind, time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }
}

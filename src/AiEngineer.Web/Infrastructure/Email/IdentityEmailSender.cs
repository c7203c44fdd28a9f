using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Core.Data;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Email;

/// <summary>
/// Identity's confirmation and reset emails, through the outbox like every other message and in the wording of their
/// templates. Identity hands over a finished sentence with one link; the link is what the template needs.
/// </summary>
public sealed partial class IdentityEmailSender(AppDbContext db, TimeProvider time, EmailTemplates templates) : IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var kind = subject.Contains("reset", StringComparison.OrdinalIgnoreCase) ? "account.reset-password"
            : subject.Contains("confirm", StringComparison.OrdinalIgnoreCase) ? "account.confirm-email"
            : null;
        var link = LinkRegex().Match(htmlMessage);
        var normalized = email.ToUpperInvariant();
        var name = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.DisplayName).FirstOrDefaultAsync();
        db.OutboundEmails.Add(kind is not null && link.Success
            ? templates.Compose(kind, email, name, new Dictionary<string, string> { ["name"] = name ?? email, ["link"] = WebUtility.HtmlDecode(link.Groups[1].Value) }, now)
            : EmailComposer.Compose(email, null, subject, $"<p>{htmlMessage}</p>", "account", now, templates.ConferenceName()));
        await db.SaveChangesAsync();
    }

    [GeneratedRegex("href=[\"']([^\"']+)[\"']", RegexOptions.IgnoreCase)]
    private static partial Regex LinkRegex();
}

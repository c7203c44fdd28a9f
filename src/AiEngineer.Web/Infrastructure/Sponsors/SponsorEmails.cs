using System.Net;
using AiEngineer.Core.Email;
using AiEngineer.Core.Sponsors;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Email;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Infrastructure.Sponsors;

public sealed class SponsorEmails(IOptionsMonitor<SiteOptions> site, IOptionsMonitor<TicketingOptions> tickets, Payments.IPaymentGateway payments) : ISponsorEmails
{
    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
    private string Portal => site.CurrentValue.Link("/my/sponsor");

    public OutboundEmail Received(Sponsorship s, DateTime now) => EmailComposer.Compose(s.ContactEmail, s.ContactName,
        $"We received {s.CompanyName}'s sponsorship application",
        $"<p>Hello {E(s.ContactName)},</p><p>Thank you for applying to sponsor the AI Engineer Summit at the <strong>{E(s.Tier.Name)}</strong> level. " +
        $"A slot is held for {E(s.CompanyName)} while the organizers review the application; you will hear from us within a few days.</p>" +
        $"<p><a href=\"{E(Portal)}\">Follow your application</a></p>", "sponsors.received", now);

    public OutboundEmail Decided(Sponsorship s, DateTime now)
    {
        var approved = s.Status == SponsorshipStatus.Approved;
        var body = approved
            ? $"<p>Hello {E(s.ContactName)},</p><p>Good news: {E(s.CompanyName)}'s <strong>{E(s.Tier.Name)}</strong> sponsorship is approved.</p>" +
              $"<p>{E(s.DecisionMessage)}</p>" +
              $"<p>Please pay <strong>{E(Money.Format(s.Tier.PriceMinor, s.Tier.Currency))}</strong> by <strong>{s.HoldExpiresAt:MMMM d, yyyy}</strong> by bank transfer, quoting SPONSOR-{s.Id}: {E(tickets.CurrentValue.BankDetails)}</p>" +
              (payments.IsConfigured && s.Tier.PriceMinor > 0 ? $"<p>Or pay by card in <a href=\"{E(Portal)}\">your sponsor portal</a>.</p>" : "") +
              $"<p>Your slot is held until then. <a href=\"{E(Portal)}\">Your sponsor portal</a></p>"
            : $"<p>Hello {E(s.ContactName)},</p><p>Thank you for applying to sponsor the AI Engineer Summit. We are not able to accept {E(s.CompanyName)}'s application this time.</p>" +
              $"<p>{E(s.DecisionMessage)}</p>";
        return EmailComposer.Compose(s.ContactEmail, s.ContactName, approved ? $"{s.CompanyName} is approved as a {s.Tier.Name} sponsor" : "Your sponsorship application",
            body, approved ? "sponsors.approved" : "sponsors.rejected", now);
    }

    public OutboundEmail Live(Sponsorship s, DateTime now) => EmailComposer.Compose(s.ContactEmail, s.ContactName,
        $"Payment received: {s.CompanyName} is live",
        $"<p>Hello {E(s.ContactName)},</p><p>We received the payment for {E(s.CompanyName)}'s {E(s.Tier.Name)} sponsorship. Your logo is now on the sponsor wall: " +
        $"<a href=\"{E(site.CurrentValue.Link($"/sponsors/{s.Slug}"))}\">{E(site.CurrentValue.Link($"/sponsors/{s.Slug}"))}</a>.</p>" +
        $"<p><a href=\"{E(Portal)}\">Your sponsor portal</a> has your receipt.</p>", "sponsors.live", now);
}

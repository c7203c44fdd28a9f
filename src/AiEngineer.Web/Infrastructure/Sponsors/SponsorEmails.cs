using System.Globalization;
using System.Net;
using AiEngineer.Core.Email;
using AiEngineer.Core.Sponsors;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Email;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Infrastructure.Sponsors;

/// <summary>The sponsor pipeline's emails, in the wording of their templates.</summary>
public sealed class SponsorEmails(IOptionsMonitor<SiteOptions> site, IOptionsMonitor<TicketingOptions> tickets, Payments.IPaymentGateway payments, EmailTemplates templates) : ISponsorEmails
{
    private string Portal => site.CurrentValue.Link("/my/sponsor");

    public OutboundEmail Received(Sponsorship s, DateTime now) => Compose("sponsors.received", s, now, []);

    public OutboundEmail Decided(Sponsorship s, DateTime now)
    {
        if (s.Status != SponsorshipStatus.Approved)
            return Compose("sponsors.rejected", s, now, new() { ["message"] = s.DecisionMessage ?? "" });
        return Compose("sponsors.approved", s, now, new()
        {
            ["message"] = s.DecisionMessage ?? "",
            ["amount"] = Money.Format(s.Tier.PriceMinor, s.Tier.Currency),
            ["pay_by"] = s.HoldExpiresAt.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
            ["reference"] = $"SPONSOR-{s.Id}",
            ["bank_details"] = tickets.CurrentValue.BankDetails,
            ["card_option"] = payments.IsConfigured && s.Tier.PriceMinor > 0
                ? $"<p>Or pay by card in <a href=\"{WebUtility.HtmlEncode(Portal)}\">your sponsor portal</a>.</p>" : "",
        });
    }

    public OutboundEmail Live(Sponsorship s, DateTime now) =>
        Compose("sponsors.live", s, now, new() { ["sponsor_link"] = site.CurrentValue.Link($"/sponsors/{s.Slug}") });

    private OutboundEmail Compose(string kind, Sponsorship s, DateTime now, Dictionary<string, string> values)
    {
        values["contact_name"] = s.ContactName;
        values["company"] = s.CompanyName;
        values["tier"] = s.Tier.Name;
        values["portal_link"] = Portal;
        return templates.Compose(kind, s.ContactEmail, s.ContactName, values, now);
    }
}

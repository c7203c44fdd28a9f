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
public sealed class SponsorEmails(IOptionsMonitor<SiteOptions> site, IOptionsMonitor<TicketingOptions> tickets, Payments.IPaymentGateway payments, EmailTemplates templates,
    Core.Data.AppDbContext db) : ISponsorEmails
{
    private string Portal => site.CurrentValue.Link("/my/sponsor");

    public OutboundEmail Received(Sponsorship s, DateTime now) => Compose("sponsors.received", s, now, []);

    public OutboundEmail Decided(Sponsorship s, DateTime now)
    {
        using var language = templates.In(ContactLanguage(s));
        if (s.Status != SponsorshipStatus.Approved)
            return Compose("sponsors.rejected", s, now, new() { ["message"] = s.DecisionMessage ?? "" });
        return Compose("sponsors.approved", s, now, new()
        {
            ["message"] = s.DecisionMessage ?? "",
            ["amount"] = Money.Format(s.Tier.PriceMinor, s.Tier.Currency),
            ["pay_by"] = EmailText.Get("{0:MMMM d, yyyy}", s.HoldExpiresAt),
            ["reference"] = $"SPONSOR-{s.Id}",
            ["bank_details"] = tickets.CurrentValue.BankDetails,
            ["card_option"] = payments.IsConfigured && s.Tier.PriceMinor > 0
                ? $"<p>{WebUtility.HtmlEncode(EmailText.Get("Or pay by card in {0}.")).Replace("{0}", $"<a href=\"{WebUtility.HtmlEncode(Portal)}\">{WebUtility.HtmlEncode(EmailText.Get("your sponsor portal"))}</a>")}</p>" : "",
        });
    }

    public OutboundEmail Live(Sponsorship s, DateTime now)
    {
        using var language = templates.In(ContactLanguage(s));
        return Compose("sponsors.live", s, now, new() { ["sponsor_link"] = site.CurrentValue.Link($"/sponsors/{s.Slug}") });
    }

    /// <summary>The contact's account language: decisions are sent from an organizer's request, in whatever language the organizer reads.</summary>
    private string? ContactLanguage(Sponsorship s) => db.Users.Where(u => u.Id == s.ContactUserId).Select(u => u.Language).FirstOrDefault();

    private OutboundEmail Compose(string kind, Sponsorship s, DateTime now, Dictionary<string, string> values)
    {
        values["contact_name"] = s.ContactName;
        values["company"] = s.CompanyName;
        values["tier"] = s.Tier.LocalName;
        values["portal_link"] = Portal;
        return templates.Compose(kind, s.ContactEmail, s.ContactName, values, now);
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using AiEngineer.Core.Data;
using AiEngineer.Core.Email;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Email;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Infrastructure.Tickets;

/// <summary>The ticketing emails, in the wording of their templates. Blocks the site draws encode all user text; links use Site:PublicUrl.</summary>
public sealed class TicketEmails(AppDbContext db, IOptionsMonitor<SiteOptions> site, IOptionsMonitor<TicketingOptions> tickets, EmailTemplates templates, ConferenceStore conferences) : ITicketEmails
{
    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    private IReadOnlyDictionary<int, TicketType>? _types;

    /// <summary>Loads without blocking what a checkout's email needs (conference, saved templates, the order's types), so building it runs no query.</summary>
    public async Task PrepareAsync(IReadOnlyDictionary<int, TicketType> types, CancellationToken ct = default)
    {
        _types = types;
        await conferences.GetAsync(ct);
        await templates.PrepareAsync(ct);
    }

    private IReadOnlyDictionary<int, TicketType> Types(IEnumerable<Ticket> ts)
    {
        var ids = ts.Select(t => t.TicketTypeId).Distinct().ToList();
        if (_types is { } known && ids.All(known.ContainsKey)) return known;
        return db.TicketTypes.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionary(t => t.Id);
    }

    public string OrderLink(Order order) => site.CurrentValue.Link($"/orders/{order.Code}?token={order.AccessToken}");

    public OutboundEmail Confirmation(Order order, DateTime now)
    {
        using var language = templates.In(order.Language); // the buyer's, from checkout
        var conference = conferences.Get();
        var types = Types(order.Tickets);
        var body = new StringBuilder();
        foreach (var t in order.Tickets)
        {
            var type = types[t.TicketTypeId];
            body.Append("<div style=\"border:1px solid #e6e6f0;border-radius:12px;padding:16px;margin:16px 0\">");
            body.Append($"<p style=\"margin:0 0 4px\"><strong>{E(t.AttendeeName)}</strong> — {E(type.LocalName)}</p>");
            body.Append(TicketCode(t.Code));
            if (type.Kind == TicketKind.Remote)
                body.Append($"<p>{E(EmailText.Get("Watch live at {0}.")).Replace("{0}", $"<a href=\"{E(site.CurrentValue.Link("/live"))}\">{E(site.CurrentValue.Link("/live"))}</a>")}</p>");
            else if (conference is not null)
                body.Append($"<p>{E(conference.VenueName)}, {E(conference.VenueAddress)}. {E(EmailText.Get("Show this code at registration."))}</p>");
            body.Append("</div>");
        }
        return templates.Compose("tickets.confirmation", order.BuyerEmail, order.BuyerName, new Dictionary<string, string>
        {
            ["buyer_name"] = order.BuyerName, ["order_code"] = order.Code, ["order_summary"] = Summary(order, types),
            ["tickets"] = body.ToString(), ["order_link"] = OrderLink(order),
        }, now);
    }

    public OutboundEmail InvoiceInstructions(Order order, DateTime now)
    {
        using var language = templates.In(order.Language);
        return templates.Compose("tickets.invoice", order.BuyerEmail, order.BuyerName, new Dictionary<string, string>
        {
            ["buyer_name"] = order.BuyerName, ["order_code"] = order.Code, ["order_summary"] = Summary(order, Types(order.Tickets)),
            ["amount"] = Money.Format(order.TotalMinor, order.Currency),
            ["due_date"] = order.InvoiceDueAt is { } due ? EmailText.Get("{0:MMMM d, yyyy}", due) : "",
            ["bank_details"] = tickets.CurrentValue.BankDetails, ["order_link"] = OrderLink(order),
        }, now);
    }

    /// <summary>To the new holder, whose language the site does not know: in the default language.</summary>
    public OutboundEmail TicketTransferred(Ticket ticket, DateTime now)
    {
        using var language = templates.In(null);
        return templates.Compose("tickets.transfer", ticket.AttendeeEmail, ticket.AttendeeName, new Dictionary<string, string>
        {
            ["attendee_name"] = ticket.AttendeeName, ["ticket_code"] = ticket.Code, ["ticket"] = TicketCode(ticket.Code),
        }, now);
    }

    public OutboundEmail OrderClosed(Order order, string what, DateTime now)
    {
        using var language = templates.In(order.Language);
        return templates.Compose("tickets." + what, order.BuyerEmail, order.BuyerName, new Dictionary<string, string>
        {
            ["buyer_name"] = order.BuyerName, ["order_code"] = order.Code, ["order_link"] = OrderLink(order),
            ["refund_note"] = order.RefundedMinor > 0 ? EmailText.Get(" {0} has been refunded.", Money.Format(order.RefundedMinor, order.Currency)) : "",
        }, now);
    }

    public OutboundEmail WaitlistOffer(WaitlistEntry entry, Voucher voucher, DateTime now)
    {
        var type = db.TicketTypes.AsNoTracking().First(t => t.Id == entry.TicketTypeId);
        using var language = templates.In(null); // a waitlist entry has no account: the default language
        return templates.Compose("tickets.waitlist", entry.Email, entry.Name, new Dictionary<string, string>
        {
            ["name"] = entry.Name, ["ticket_type"] = type.LocalName, ["voucher_code"] = voucher.Code,
            ["hold_until"] = voucher.ValidUntil?.ToString("MMMM d, HH:mm", CultureInfo.InvariantCulture) + " UTC",
            ["claim_link"] = site.CurrentValue.Link($"/tickets?voucher={voucher.Code}"),
        }, now);
    }

    /// <summary>The ticket code in large type with its QR image.</summary>
    private string TicketCode(string code) =>
        $"<p style=\"margin:0 0 8px;font-family:monospace;font-size:16px\">{E(EmailText.Get("Ticket code: {0}", code))}</p>" +
        $"<img src=\"{E(site.CurrentValue.Link($"/tickets/qr/{code}.png"))}\" width=\"180\" height=\"180\" alt=\"{E(EmailText.Get("QR code for ticket {0}", code))}\">";

    private static string Summary(Order order, IReadOnlyDictionary<int, TicketType> types)
    {
        var sb = new StringBuilder("<table role=\"presentation\" style=\"width:100%;border-collapse:collapse\">");
        foreach (var g in order.Tickets.GroupBy(t => t.TicketTypeId))
            sb.Append($"<tr><td style=\"padding:4px 0\">{g.Count()} × {E(types[g.Key].LocalName)}</td><td style=\"text-align:right\">{E(Money.Format(types[g.Key].PriceMinor * g.Count(), order.Currency))}</td></tr>");
        if (order.DiscountMinor > 0)
            sb.Append($"<tr><td style=\"padding:4px 0\">{E(EmailText.Get("Discount"))}</td><td style=\"text-align:right\">−{E(Money.Format(order.DiscountMinor, order.Currency))}</td></tr>");
        sb.Append($"<tr><td style=\"padding:4px 0;border-top:1px solid #ddd\"><strong>{E(EmailText.Get("Total"))}</strong></td><td style=\"text-align:right;border-top:1px solid #ddd\"><strong>{E(Money.Format(order.TotalMinor, order.Currency))}</strong></td></tr></table>");
        return sb.ToString();
    }
}

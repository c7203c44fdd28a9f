using System.Net;
using System.Text;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Email;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Email;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Infrastructure.Tickets;

/// <summary>The ticketing emails. All user text is HTML-encoded; links use Site:PublicUrl.</summary>
public sealed class TicketEmails(AppDbContext db, IOptionsMonitor<SiteOptions> site, IOptionsMonitor<TicketingOptions> tickets) : ITicketEmails
{
    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    private (bool Loaded, ConferenceEvent? Value) _conference;
    private IReadOnlyDictionary<int, TicketType>? _types;

    public async Task PrepareAsync(IReadOnlyDictionary<int, TicketType> types, CancellationToken ct = default)
    {
        _types = types;
        if (!_conference.Loaded) _conference = (true, await db.Conferences.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(ct));
    }

    private ConferenceEvent? Conference()
    {
        if (!_conference.Loaded) _conference = (true, db.Conferences.AsNoTracking().OrderBy(c => c.Id).FirstOrDefault());
        return _conference.Value;
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
        var conference = Conference();
        var types = Types(order.Tickets);
        var body = new StringBuilder();
        body.Append($"<h1 style=\"font-size:22px\">You're going to {E(conference?.Name ?? "the AI Engineer Summit")}</h1>");
        body.Append($"<p>Thank you, {E(order.BuyerName)}. Order <strong>{E(order.Code)}</strong> is confirmed.</p>");
        body.Append(Summary(order, types));
        foreach (var t in order.Tickets)
        {
            var type = types[t.TicketTypeId];
            body.Append("<div style=\"border:1px solid #e6e6f0;border-radius:12px;padding:16px;margin:16px 0\">");
            body.Append($"<p style=\"margin:0 0 4px\"><strong>{E(t.AttendeeName)}</strong> — {E(type.Name)}</p>");
            body.Append($"<p style=\"margin:0 0 8px;font-family:monospace;font-size:16px\">Ticket code: {E(t.Code)}</p>");
            body.Append($"<img src=\"{E(site.CurrentValue.Link($"/tickets/qr/{t.Code}.png"))}\" width=\"180\" height=\"180\" alt=\"QR code for ticket {E(t.Code)}\">");
            if (type.Kind == TicketKind.Remote)
                body.Append($"<p>Watch live at <a href=\"{E(site.CurrentValue.Link("/live"))}\">{E(site.CurrentValue.Link("/live"))}</a>.</p>");
            else if (conference is not null)
                body.Append($"<p>{E(conference.VenueName)}, {E(conference.VenueAddress)}. Show this code at registration.</p>");
            body.Append("</div>");
        }
        body.Append($"<p><a href=\"{E(OrderLink(order))}\">View or manage your order</a> (edit attendee details, transfer a ticket, download the receipt).</p>");
        return EmailComposer.Compose(order.BuyerEmail, order.BuyerName, $"Your tickets: order {order.Code}", body.ToString(), "tickets.confirmation", now);
    }

    public OutboundEmail InvoiceInstructions(Order order, DateTime now)
    {
        var types = Types(order.Tickets);
        var body = new StringBuilder();
        body.Append($"<p>Thank you, {E(order.BuyerName)}. Your seats are reserved under order <strong>{E(order.Code)}</strong>.</p>");
        body.Append(Summary(order, types));
        body.Append($"<p>Please pay <strong>{E(Money.Format(order.TotalMinor, order.Currency))}</strong> by bank transfer by " +
                    $"<strong>{order.InvoiceDueAt:MMMM d, yyyy}</strong>, quoting <strong>{E(order.Code)}</strong>.</p>");
        body.Append($"<p>{E(tickets.CurrentValue.BankDetails)}</p>");
        body.Append($"<p>Your tickets arrive by email as soon as the payment is received. <a href=\"{E(OrderLink(order))}\">View your order and invoice</a>.</p>");
        return EmailComposer.Compose(order.BuyerEmail, order.BuyerName, $"Invoice for order {order.Code}", body.ToString(), "tickets.invoice", now);
    }

    public OutboundEmail TicketTransferred(Ticket ticket, DateTime now)
    {
        var conference = Conference();
        var body = $"<p>Hello {E(ticket.AttendeeName)},</p><p>A ticket for {E(conference?.Name ?? "the AI Engineer Summit")} has been transferred to you.</p>" +
                   $"<p style=\"font-family:monospace;font-size:16px\">Ticket code: {E(ticket.Code)}</p>" +
                   $"<img src=\"{E(site.CurrentValue.Link($"/tickets/qr/{ticket.Code}.png"))}\" width=\"180\" height=\"180\" alt=\"QR code for ticket {E(ticket.Code)}\">" +
                   "<p>Show this code at registration. The previous holder's code no longer works.</p>";
        return EmailComposer.Compose(ticket.AttendeeEmail, ticket.AttendeeName, "A ticket has been transferred to you", body, "tickets.transfer", now);
    }

    public OutboundEmail OrderClosed(Order order, string what, DateTime now)
    {
        var body = $"<p>Hello {E(order.BuyerName)},</p><p>Order <strong>{E(order.Code)}</strong> has been {E(what)}." +
                   (order.RefundedMinor > 0 ? $" {E(Money.Format(order.RefundedMinor, order.Currency))} has been refunded." : "") +
                   $"</p><p><a href=\"{E(OrderLink(order))}\">View the order</a></p>";
        return EmailComposer.Compose(order.BuyerEmail, order.BuyerName, $"Order {order.Code} {what}", body, "tickets." + what, now);
    }

    public OutboundEmail WaitlistOffer(WaitlistEntry entry, Voucher voucher, DateTime now)
    {
        var type = db.TicketTypes.AsNoTracking().First(t => t.Id == entry.TicketTypeId);
        var link = site.CurrentValue.Link($"/tickets?voucher={voucher.Code}");
        var body = $"<p>Hello {E(entry.Name)},</p><p>A <strong>{E(type.Name)}</strong> ticket has become available and we are holding it for you " +
                   $"until <strong>{voucher.ValidUntil:MMMM d, HH:mm} UTC</strong>.</p>" +
                   $"<p><a href=\"{E(link)}\">Get your ticket</a> (voucher code <strong>{E(voucher.Code)}</strong>).</p>" +
                   "<p>After that the seat goes to the next person on the waitlist.</p>";
        return EmailComposer.Compose(entry.Email, entry.Name, $"A {type.Name} ticket is yours if you want it", body, "tickets.waitlist", now);
    }

    private static string Summary(Order order, IReadOnlyDictionary<int, TicketType> types)
    {
        var sb = new StringBuilder("<table role=\"presentation\" style=\"width:100%;border-collapse:collapse\">");
        foreach (var g in order.Tickets.GroupBy(t => t.TicketTypeId))
            sb.Append($"<tr><td style=\"padding:4px 0\">{g.Count()} × {E(types[g.Key].Name)}</td><td style=\"text-align:right\">{E(Money.Format(types[g.Key].PriceMinor * g.Count(), order.Currency))}</td></tr>");
        if (order.DiscountMinor > 0)
            sb.Append($"<tr><td style=\"padding:4px 0\">Discount</td><td style=\"text-align:right\">−{E(Money.Format(order.DiscountMinor, order.Currency))}</td></tr>");
        sb.Append($"<tr><td style=\"padding:4px 0;border-top:1px solid #ddd\"><strong>Total</strong></td><td style=\"text-align:right;border-top:1px solid #ddd\"><strong>{E(Money.Format(order.TotalMinor, order.Currency))}</strong></td></tr></table>");
        return sb.ToString();
    }
}

using AiEngineer.Core.Email;

namespace AiEngineer.Core.Tickets;

/// <summary>Builds the ticketing emails (the web layer knows links, layout and QR codes). Each is saved with the change that causes it.</summary>
public interface ITicketEmails
{
    /// <summary>
    /// Loads, without blocking, what the next emails about orders of these types need, so that building them inside a
    /// checkout runs no query of its own.
    /// </summary>
    Task PrepareAsync(IReadOnlyDictionary<int, TicketType> types, CancellationToken ct = default) => Task.CompletedTask;
    /// <summary>The order summary and one ticket per attendee, with its code and QR.</summary>
    OutboundEmail Confirmation(Order order, DateTime now);
    /// <summary>How to pay an invoice order, and by when.</summary>
    OutboundEmail InvoiceInstructions(Order order, DateTime now);
    /// <summary>To a ticket's new holder after a transfer.</summary>
    OutboundEmail TicketTransferred(Ticket ticket, DateTime now);
    /// <summary>To the buyer when an order is cancelled or refunded.</summary>
    OutboundEmail OrderClosed(Order order, string what, DateTime now);
    /// <summary>The email worth sending again for an order in its current state: the tickets, or the invoice; null when there is none.</summary>
    OutboundEmail? Resend(Order order, DateTime now) =>
        order.Status == OrderStatus.Paid ? Confirmation(order, now)
        : order.Status == OrderStatus.Pending && order.PaymentMethod == PaymentMethod.Invoice ? InvoiceInstructions(order, now)
        : null;

    /// <summary>A seat freed up: the voucher that holds it for 48 hours.</summary>
    OutboundEmail WaitlistOffer(WaitlistEntry entry, Voucher voucher, DateTime now);
}

namespace AiEngineer.Core.Tickets;

/// <summary>Bound to "Tickets".</summary>
public sealed class TicketingOptions
{
    public const string Section = "Tickets";

    /// <summary>How long a pending card order holds its seats.</summary>
    public int ReservationMinutes { get; set; } = 15;
    /// <summary>Whether buyers may choose invoice or bank transfer.</summary>
    public bool InvoiceEnabled { get; set; } = true;
    /// <summary>Days an invoice order holds its seats before it expires unpaid.</summary>
    public int InvoiceDueDays { get; set; } = 14;
    /// <summary>Days before the event when attendee details freeze and self-service cancellation ends.</summary>
    public int ChangeCutoffDaysBeforeEvent { get; set; } = 7;
    /// <summary>Shown on /tickets and every order page; the self-service rules below implement it.</summary>
    public string RefundPolicy { get; set; } = DefaultRefundPolicy;

    /// <summary>The built-in refund policy; the site shows its translation to visitors in other languages.</summary>
    public const string DefaultRefundPolicy = "Until 7 days before the event you can cancel your order yourself from your order page: card payments are refunded in full automatically, invoice payments are refunded by bank transfer within 10 days. After that, tickets cannot be refunded but can be transferred to someone else at any time.";
    public string BankDetails { get; set; } = "Bank: Example Bank · Account: AI Engineer Summit LLC · Routing 000000000 · Account 000000000000 · Reference: your order code";
}

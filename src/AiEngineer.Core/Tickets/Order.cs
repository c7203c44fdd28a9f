using System.Security.Cryptography;
using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Tickets;

public enum OrderStatus
{
    /// <summary>Seats are held until <see cref="Order.HoldExpiresAt"/>; waiting for payment.</summary>
    Pending = 0,
    Paid = 1,
    /// <summary>The hold ran out unpaid; its seats went back on sale.</summary>
    Expired = 2,
    Cancelled = 3,
    Refunded = 4,
    /// <summary>Money arrived after the hold expired and the seats were gone: an organizer must refund it.</summary>
    RefundDue = 5,
}

public enum PaymentMethod { Free = 0, Invoice = 1, Card = 2, Comp = 3 }

/// <summary>
/// A buyer's order: a state machine from Pending to Paid (or Expired, Cancelled, Refunded, RefundDue).
/// Seats are counted on <see cref="TicketType.Taken"/> by the workflow; <see cref="SeatsHeld"/> says whether this order holds them now.
/// </summary>
public class Order
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int CompanyMaxLength = 200;
    public const int AddressMaxLength = 1000;
    public const int VatIdMaxLength = 40;

    public long Id { get; set; }
    /// <summary>Public reference shown to the buyer and organizers.</summary>
    public string Code { get; set; } = "";
    /// <summary>Secret in the buyer's link (/orders/{code}?token=…); never shown to anyone else.</summary>
    public string AccessToken { get; set; } = "";
    /// <summary>From the form: a second post of the same form finds the first order instead of making another.</summary>
    public Guid IdempotencyKey { get; set; }
    public OrderStatus Status { get; set; }
    public PaymentMethod PaymentMethod { get; set; }
    public string? UserId { get; set; }
    public string BuyerName { get; set; } = "";
    public string BuyerEmail { get; set; } = "";
    /// <summary>The language the buyer used at checkout (a culture name): their emails go out in it.</summary>
    public string? Language { get; set; }
    public string? BuyerCompany { get; set; }
    public string? InvoiceAddress { get; set; }
    public string? VatId { get; set; }
    public string Currency { get; set; } = "usd";
    public long SubtotalMinor { get; set; }
    public long DiscountMinor { get; set; }
    public long TotalMinor { get; set; }
    public long RefundedMinor { get; set; }
    public int? VoucherId { get; set; }
    /// <summary>How many uses of the voucher this order holds.</summary>
    public int VoucherUses { get; set; }
    public bool SeatsHeld { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime HoldExpiresAt { get; set; }
    public DateTime? InvoiceDueAt { get; set; }
    public DateTime? PaidAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>Stripe's id for the payment, kept for refunds.</summary>
    public string? PaymentReference { get; set; }

    public List<Ticket> Tickets { get; set; } = [];
    public List<OrderEvent> Events { get; set; } = [];

    public bool IsOpen => Status is OrderStatus.Pending;
    public long RefundableMinor => Status is OrderStatus.Paid or OrderStatus.RefundDue ? TotalMinor - RefundedMinor : 0;

    /// <summary>Seats per ticket type in this order (a whole order holds or frees its seats together).</summary>
    public IEnumerable<(int TicketTypeId, int Count)> Seats() =>
        Tickets.GroupBy(t => t.TicketTypeId).Select(g => (g.Key, g.Count()));

    public static string NewCode() => RandomString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 10);
    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    internal static string RandomString(string alphabet, int length) =>
        string.Create(length, alphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
        });

    public void Log(string kind, string message, DateTime at, string? actor = null) =>
        Events.Add(new OrderEvent { Kind = kind, Message = message, At = at, Actor = actor });

    /// <summary>Payment arrived while the seats are held.</summary>
    public void MarkPaid(PaymentMethod method, string? reference, DateTime now, string? actor = null)
    {
        if (Status != OrderStatus.Pending || !SeatsHeld)
            throw new OrderStateException($"Order {Code} is {Status}; only a pending order with its seats can be marked paid.");
        Status = OrderStatus.Paid;
        PaymentMethod = method;
        PaymentReference = reference ?? PaymentReference;
        PaidAt = now;
        Log("paid", method switch
        {
            PaymentMethod.Free => "Free order completed",
            PaymentMethod.Comp => "Complimentary tickets issued",
            PaymentMethod.Invoice => "Invoice marked paid",
            _ => "Card payment received",
        }, now, actor);
    }

    /// <summary>Payment arrived after the hold lapsed; <paramref name="seatsRetaken"/> says whether the seats could be taken again.</summary>
    public void MarkPaidLate(PaymentMethod method, string? reference, bool seatsRetaken, DateTime now)
    {
        if (Status is not (OrderStatus.Expired or OrderStatus.Cancelled))
            throw new OrderStateException($"Order {Code} is {Status}; a late payment applies only to an expired order.");
        PaymentMethod = method;
        PaymentReference = reference ?? PaymentReference;
        PaidAt = now;
        if (seatsRetaken)
        {
            Status = OrderStatus.Paid;
            SeatsHeld = true;
            ClosedAt = null;
            Log("paid", "Payment arrived after the hold expired; the seats were still free and are now sold", now);
        }
        else
        {
            Status = OrderStatus.RefundDue;
            Log("refund-due", "Payment arrived after the hold expired and the seats were sold to others: refund needed", now);
        }
    }

    /// <summary>The hold ran out. The caller returns the seats.</summary>
    public void Expire(DateTime now)
    {
        if (Status != OrderStatus.Pending) throw new OrderStateException($"Order {Code} is {Status}; only a pending order expires.");
        Status = OrderStatus.Expired;
        SeatsHeld = false;
        ClosedAt = now;
        Log("expired", "The reservation expired unpaid; the seats went back on sale", now);
    }

    /// <summary>Cancelled by the buyer or an organizer. The caller returns the seats; money is refunded separately.</summary>
    public void Cancel(DateTime now, string? actor, string reason)
    {
        if (Status is not (OrderStatus.Pending or OrderStatus.Paid))
            throw new OrderStateException($"Order {Code} is {Status} and cannot be cancelled.");
        Status = OrderStatus.Cancelled;
        SeatsHeld = false;
        ClosedAt = now;
        foreach (var t in Tickets.Where(t => t.CancelledAt is null)) t.CancelledAt = now;
        Log("cancelled", reason, now, actor);
    }

    /// <summary>Records money given back. A full refund of a paid order cancels its tickets; the caller returns the seats.</summary>
    public void RecordRefund(long amountMinor, DateTime now, string? actor, string? note = null)
    {
        if (amountMinor <= 0) throw new OrderStateException("A refund must be a positive amount.");
        if (Status is not (OrderStatus.Paid or OrderStatus.RefundDue or OrderStatus.Cancelled))
            throw new OrderStateException($"Order {Code} is {Status}; nothing was paid to refund.");
        if (RefundedMinor + amountMinor > TotalMinor)
            throw new OrderStateException($"At most {Money.Format(TotalMinor - RefundedMinor, Currency)} can still be refunded.");
        RefundedMinor += amountMinor;
        Log("refund", $"Refunded {Money.Format(amountMinor, Currency)}{(note is null ? "" : " — " + note)}", now, actor);
        if (RefundedMinor == TotalMinor)
        {
            if (Status == OrderStatus.Paid)
                foreach (var t in Tickets.Where(t => t.CancelledAt is null)) t.CancelledAt = now;
            Status = OrderStatus.Refunded;
            SeatsHeld = false;
            ClosedAt = now;
        }
    }
}

/// <summary>An order cannot do what was asked in its state (or a refund is more than was paid).</summary>
public sealed class OrderStateException(Problem problem) : RuleException(problem);

public static class OrderPolicy
{
    /// <summary>The moment attendee details freeze and self-service cancellation ends.</summary>
    public static DateTime ChangeCutoff(DateOnly eventStart, TimeZoneInfo zone, int daysBefore) =>
        TimeZoneInfo.ConvertTimeToUtc(eventStart.AddDays(-daysBefore).ToDateTime(TimeOnly.MinValue), zone);
}

public class OrderEvent
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public DateTime At { get; set; }
    public string Kind { get; set; } = "";
    public string Message { get; set; } = "";
    public string? Actor { get; set; }
}

public static class Money
{
    public static string Format(long minor, string currency = "usd") =>
        currency.Equals("usd", StringComparison.OrdinalIgnoreCase)
            ? (minor % 100 == 0 ? string.Create(Invariant, $"${minor / 100:N0}") : string.Create(Invariant, $"${minor / 100m:N2}"))
            : string.Create(Invariant, $"{minor / 100m:N2} {currency.ToUpperInvariant()}");

    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;
}

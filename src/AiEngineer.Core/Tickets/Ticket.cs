namespace AiEngineer.Core.Tickets;

/// <summary>One attendee's ticket. Valid while its order is paid and it is not cancelled; its code is what the QR holds.</summary>
public class Ticket
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int FieldMaxLength = 200;
    public const int NeedsMaxLength = 500;
    public static readonly string[] ShirtSizes = ["XS", "S", "M", "L", "XL", "XXL", "3XL"];

    public long Id { get; set; }
    public long OrderId { get; set; }
    public Order Order { get; set; } = null!;
    public int TicketTypeId { get; set; }
    public TicketType TicketType { get; set; } = null!;
    /// <summary>Unguessable: 16 characters from a 32-letter alphabet (80 bits).</summary>
    public string Code { get; set; } = "";
    public string AttendeeName { get; set; } = "";
    public string AttendeeEmail { get; set; } = "";
    public string? Company { get; set; }
    public string? JobTitle { get; set; }
    public string? Dietary { get; set; }
    public string? Accessibility { get; set; }
    public string? ShirtSize { get; set; }
    public long PriceMinor { get; set; }
    public DateTime? CancelledAt { get; set; }
    public DateTime? CheckedInAt { get; set; }
    public string? CheckedInBy { get; set; }

    public static string NewCode() => Order.RandomString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);

    public bool IsValid => CancelledAt is null && Order.Status == OrderStatus.Paid;
}

/// <summary>A code that no longer admits anyone (after a transfer), kept so check-in can say why.</summary>
public class VoidedTicketCode
{
    public long Id { get; set; }
    public string Code { get; set; } = "";
    public long TicketId { get; set; }
    public DateTime VoidedAt { get; set; }
    public string Reason { get; set; } = "";
}

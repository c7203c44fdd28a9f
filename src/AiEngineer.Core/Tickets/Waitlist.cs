namespace AiEngineer.Core.Tickets;

/// <summary>Someone waiting for a sold-out ticket type. When a seat frees up they are offered it with a 48-hour voucher.</summary>
public class WaitlistEntry
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public static readonly TimeSpan OfferValidity = TimeSpan.FromHours(48);

    public long Id { get; set; }
    public int TicketTypeId { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? OfferedAt { get; set; }
    public int? VoucherId { get; set; }
}

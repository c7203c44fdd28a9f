using AiEngineer.Core.Content;
using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Tickets;

public enum TicketKind { InPerson = 0, Remote = 1, AddOn = 2 }

/// <summary>Something on sale: a kind of ticket with a price, a capacity and a sale window.</summary>
public class TicketType : Content.ITranslated
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public TicketKind Kind { get; set; }
    /// <summary>Price per ticket in minor units (cents).</summary>
    public long PriceMinor { get; set; }
    public string Currency { get; set; } = "usd";
    public int Capacity { get; set; }
    /// <summary>Seats held by pending orders plus seats sold. Only ever changed by one conditional UPDATE.</summary>
    public int Taken { get; set; }
    /// <summary>Seats kept free for waitlisted people who were offered one (their voucher takes it).</summary>
    public int Reserved { get; set; }
    public DateTime? SaleStartsAt { get; set; }
    public DateTime? SaleEndsAt { get; set; }
    public int MinPerOrder { get; set; } = 1;
    public int MaxPerOrder { get; set; } = 10;
    /// <summary>Hidden types are not listed; a voucher that unlocks them shows them.</summary>
    public bool Hidden { get; set; }
    public int SortOrder { get; set; }
    /// <summary>The name and description in the other languages.</summary>
    public Content.Translations Translations { get; set; } = new();
    /// <summary>In the visitor's language, English when untranslated.</summary>
    public string LocalName => this.Local(nameof(Name), Name);
    public string LocalDescription => this.Local(nameof(Description), Description);

    public int Remaining => Math.Max(0, Capacity - Taken - Reserved);
    public bool IsFree => PriceMinor == 0;

    public bool OnSaleAt(DateTime now) =>
        (SaleStartsAt is null || SaleStartsAt <= now) && (SaleEndsAt is null || now < SaleEndsAt);

    /// <summary>The problems with this definition, empty when it may be saved.</summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(Name)) problems.Add("A ticket type needs a name.");
        if (PriceMinor < 0) problems.Add("The price cannot be negative.");
        if (Capacity < 0) problems.Add("The capacity cannot be negative.");
        if (Capacity < Taken + Reserved) problems.Add($"The capacity cannot be below the {Taken + Reserved} seats already taken or reserved.");
        if (MinPerOrder < 1) problems.Add("The minimum per order is at least 1.");
        if (MaxPerOrder < MinPerOrder) problems.Add("The maximum per order must be at least the minimum.");
        if (SaleStartsAt is not null && SaleEndsAt is not null && SaleEndsAt <= SaleStartsAt) problems.Add("The sale must end after it starts.");
        return problems;
    }
}

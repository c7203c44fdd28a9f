using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Tickets;

public enum VoucherKind
{
    PercentOff = 0,
    AmountOff = 1,
    Comp = 2,
    /// <summary>No discount: the right to buy (a waitlist offer, or access to a hidden type).</summary>
    Access = 3,
}

/// <summary>A code that lowers prices or unlocks hidden ticket types. Each discounted ticket uses it once.</summary>
public class Voucher
{
    public const int CodeMaxLength = 40;

    public int Id { get; set; }
    /// <summary>Stored upper case; matched case-insensitively.</summary>
    public string Code { get; set; } = "";
    public VoucherKind Kind { get; set; }
    /// <summary>Percent (1–100) for PercentOff, minor units for AmountOff, unused for Comp.</summary>
    public long Value { get; set; }
    public int MaxUses { get; set; } = 1;
    /// <summary>Tickets that used it (held or sold). Only ever changed by one conditional UPDATE.</summary>
    public int Uses { get; set; }
    public DateTime? ValidFrom { get; set; }
    public DateTime? ValidUntil { get; set; }
    public bool UnlocksHidden { get; set; }
    /// <summary>Free text for organizers: who it was for.</summary>
    public string? Note { get; set; }
    public List<VoucherTicketType> TicketTypes { get; set; } = [];
    /// <summary>A waitlist offer: a seat of its one ticket type is reserved for it until it is used or expires.</summary>
    public bool ReservesSeat { get; set; }
    /// <summary>Set when the reserved seat went back (the offer expired unused).</summary>
    public bool ReservationReleased { get; set; }

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    public bool AppliesTo(int ticketTypeId) => TicketTypes.Count == 0 || TicketTypes.Any(t => t.TicketTypeId == ticketTypeId);

    /// <summary>Why it cannot be used now, or null when it can (for at least one more ticket).</summary>
    public Problem? ProblemAt(DateTime now)
    {
        if (ValidFrom is not null && now < ValidFrom) return "This voucher is not valid yet.";
        if (ValidUntil is not null && now >= ValidUntil) return "This voucher has expired.";
        if (Uses >= MaxUses) return "This voucher has been used up.";
        return null;
    }

    /// <summary>The price of one ticket after this voucher.</summary>
    public long Apply(long priceMinor) => Kind switch
    {
        VoucherKind.Comp => 0,
        VoucherKind.PercentOff => priceMinor - (long)Math.Round(priceMinor * Math.Clamp(Value, 0, 100) / 100m, MidpointRounding.AwayFromZero),
        VoucherKind.AmountOff => Math.Max(0, priceMinor - Value),
        _ => priceMinor,
    };

    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(Code) || Code.Length > CodeMaxLength || !Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            problems.Add("A voucher code is 1 to 40 letters, digits, dashes or underscores.");
        if (Kind == VoucherKind.PercentOff && Value is < 1 or > 100) problems.Add("A percentage is between 1 and 100.");
        if (Kind == VoucherKind.AmountOff && Value < 1) problems.Add("An amount off must be positive.");
        if (MaxUses < 1) problems.Add("A voucher can be used at least once.");
        if (MaxUses < Uses) problems.Add($"The use limit cannot be below the {Uses} uses already made.");
        if (ValidFrom is not null && ValidUntil is not null && ValidUntil <= ValidFrom) problems.Add("The voucher must end after it starts.");
        return problems;
    }
}

public class VoucherTicketType
{
    public int VoucherId { get; set; }
    public int TicketTypeId { get; set; }
}

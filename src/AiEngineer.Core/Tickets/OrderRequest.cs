using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Tickets;

public sealed record AttendeeInput(int TicketTypeId, string Name, string Email, string? Company, string? JobTitle,
    string? Dietary, string? Accessibility, string? ShirtSize);

public sealed record BuyerInput(string Name, string Email, string? Company, string? InvoiceAddress, string? VatId);

/// <summary>What a buyer asked for. Prices are never taken from the request.</summary>
public sealed record OrderRequest(
    Guid IdempotencyKey,
    IReadOnlyList<AttendeeInput> Attendees,
    BuyerInput Buyer,
    string? VoucherCode,
    PaymentMethod Method,
    string? UserId,
    /// <summary>An organizer issuing complimentary tickets: no sale window, visibility or per-order limits, and no charge.</summary>
    string? CompIssuedBy = null,
    /// <summary>The buyer's language (a culture name); null takes the current UI culture, which a checkout sets from the visitor's.</summary>
    string? Language = null);

public sealed record OrderOutcome(Order? Order, IReadOnlyList<Problem> Errors, bool Repeated = false)
{
    public bool Succeeded => Order is not null && Errors.Count == 0;
    public static OrderOutcome Fail(params Problem[] errors) => new(null, errors);
}

/// <summary>Server-side prices for a set of attendees, with the voucher applied where it may be.</summary>
public sealed record PriceQuote(IReadOnlyList<(AttendeeInput Attendee, long Price, long Discount)> Lines, int VoucherUses)
{
    public long Subtotal => Lines.Sum(l => l.Price + l.Discount);
    public long Discount => Lines.Sum(l => l.Discount);
    public long Total => Lines.Sum(l => l.Price);

    public static PriceQuote For(IReadOnlyList<AttendeeInput> attendees, IReadOnlyDictionary<int, TicketType> types, Voucher? voucher)
    {
        var lines = new List<(AttendeeInput, long, long)>();
        var uses = 0;
        var usesLeft = voucher is null ? 0 : voucher.MaxUses - voucher.Uses;
        foreach (var a in attendees)
        {
            var list = types[a.TicketTypeId].PriceMinor;
            var price = list;
            if (voucher is not null && uses < usesLeft && voucher.AppliesTo(a.TicketTypeId))
            {
                price = voucher.Apply(list);
                uses++;
            }
            lines.Add((a, price, list - price));
        }
        return new PriceQuote(lines, uses);
    }
}

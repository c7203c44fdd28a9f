using AiEngineer.Core.Tickets;

namespace AiEngineer.Core.Tests.Tickets;

public class TicketRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(VoucherKind.PercentOff, 20, 10000, 8000)]
    [InlineData(VoucherKind.PercentOff, 100, 10000, 0)]
    [InlineData(VoucherKind.PercentOff, 33, 999, 669)]
    [InlineData(VoucherKind.AmountOff, 2500, 10000, 7500)]
    [InlineData(VoucherKind.AmountOff, 50000, 10000, 0)]
    [InlineData(VoucherKind.Comp, 0, 79900, 0)]
    [InlineData(VoucherKind.Access, 0, 79900, 79900)]
    public void Vouchers_price_a_ticket(VoucherKind kind, long value, long price, long expected) =>
        Assert.Equal(expected, new Voucher { Kind = kind, Value = value }.Apply(price));

    [Fact]
    public void A_voucher_is_refused_before_its_start_after_its_end_and_when_used_up()
    {
        var v = new Voucher { Code = "X", Kind = VoucherKind.Comp, MaxUses = 2, Uses = 1, ValidFrom = Now, ValidUntil = Now.AddDays(1) };
        Assert.Null(v.ProblemAt(Now.AddHours(1)));
        Assert.Equal("This voucher is not valid yet.", v.ProblemAt(Now.AddSeconds(-1)));
        Assert.Equal("This voucher has expired.", v.ProblemAt(Now.AddDays(1)));
        v.Uses = 2;
        Assert.Equal("This voucher has been used up.", v.ProblemAt(Now.AddHours(1)));
    }

    [Fact]
    public void A_quote_applies_the_voucher_only_to_its_types_and_only_as_often_as_it_has_uses()
    {
        var types = new Dictionary<int, TicketType>
        {
            [1] = new() { Id = 1, PriceMinor = 10000 },
            [2] = new() { Id = 2, PriceMinor = 5000 },
        };
        var voucher = new Voucher { Kind = VoucherKind.PercentOff, Value = 50, MaxUses = 3, Uses = 1 };
        voucher.TicketTypes.Add(new VoucherTicketType { TicketTypeId = 1 });
        AttendeeInput A(int type) => new(type, "n", "e@x", null, null, null, null, null);
        var quote = PriceQuote.For([A(1), A(2), A(1), A(1)], types, voucher);
        Assert.Equal(2, quote.VoucherUses);              // 2 uses left, 3 eligible tickets
        Assert.Equal(35000, quote.Subtotal);
        Assert.Equal(10000, quote.Discount);
        Assert.Equal(25000, quote.Total);
    }

    [Fact]
    public void Ticket_type_rules_catch_bad_definitions()
    {
        var t = new TicketType { Name = "", PriceMinor = -1, Capacity = 5, Taken = 4, Reserved = 2, MinPerOrder = 3, MaxPerOrder = 2, SaleStartsAt = Now, SaleEndsAt = Now };
        var problems = t.Validate();
        Assert.Contains("A ticket type needs a name.", problems);
        Assert.Contains("The price cannot be negative.", problems);
        Assert.Contains("The capacity cannot be below the 6 seats already taken or reserved.", problems.Select(p => p.English));
        Assert.Contains("The maximum per order must be at least the minimum.", problems);
        Assert.Contains("The sale must end after it starts.", problems);
        Assert.Equal(0, t.Remaining);
    }

    [Fact]
    public void The_sale_window_is_inclusive_at_the_start_and_exclusive_at_the_end()
    {
        var t = new TicketType { SaleStartsAt = Now, SaleEndsAt = Now.AddDays(1) };
        Assert.False(t.OnSaleAt(Now.AddTicks(-1)));
        Assert.True(t.OnSaleAt(Now));
        Assert.False(t.OnSaleAt(Now.AddDays(1)));
    }

    private static Order PendingOrder() => new()
    {
        Code = "ABC", Status = OrderStatus.Pending, SeatsHeld = true, TotalMinor = 20000, Currency = "usd",
        Tickets = [new Ticket { Code = "T1" }, new Ticket { Code = "T2" }],
    };

    [Fact]
    public void A_pending_order_is_paid_expired_or_cancelled_and_nothing_else()
    {
        var paid = PendingOrder();
        paid.MarkPaid(PaymentMethod.Card, "pi_1", Now);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Throws<OrderStateException>(() => paid.MarkPaid(PaymentMethod.Card, "pi_1", Now));
        Assert.Throws<OrderStateException>(() => paid.Expire(Now));

        var expired = PendingOrder();
        expired.Expire(Now);
        Assert.False(expired.SeatsHeld);
        Assert.Throws<OrderStateException>(() => expired.MarkPaid(PaymentMethod.Card, null, Now));
        Assert.Throws<OrderStateException>(() => expired.Cancel(Now, null, "x"));
    }

    [Fact]
    public void A_late_payment_sells_the_seats_if_they_were_retaken_and_otherwise_becomes_refund_due()
    {
        var lucky = PendingOrder();
        lucky.Expire(Now);
        lucky.MarkPaidLate(PaymentMethod.Card, "pi", seatsRetaken: true, Now);
        Assert.Equal(OrderStatus.Paid, lucky.Status);
        Assert.True(lucky.SeatsHeld);

        var unlucky = PendingOrder();
        unlucky.Expire(Now);
        unlucky.MarkPaidLate(PaymentMethod.Card, "pi", seatsRetaken: false, Now);
        Assert.Equal(OrderStatus.RefundDue, unlucky.Status);
        Assert.False(unlucky.SeatsHeld);
        Assert.Equal(20000, unlucky.RefundableMinor);
    }

    [Fact]
    public void Refunds_add_up_to_at_most_the_total_and_a_full_refund_cancels_the_tickets()
    {
        var order = PendingOrder();
        order.MarkPaid(PaymentMethod.Card, "pi", Now);
        order.RecordRefund(5000, Now, "boss");
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Throws<OrderStateException>(() => order.RecordRefund(15001, Now, "boss"));
        Assert.Throws<OrderStateException>(() => order.RecordRefund(0, Now, "boss"));
        order.RecordRefund(15000, Now, "boss");
        Assert.Equal(OrderStatus.Refunded, order.Status);
        Assert.All(order.Tickets, t => Assert.NotNull(t.CancelledAt));
        Assert.False(order.SeatsHeld);
    }

    [Fact]
    public void Codes_are_unguessable_and_avoid_look_alike_characters()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => Ticket.NewCode()).ToList();
        Assert.Equal(1000, codes.Distinct().Count());
        Assert.All(codes, c => { Assert.Equal(16, c.Length); Assert.DoesNotContain('0', c); Assert.DoesNotContain('O', c); Assert.DoesNotContain('1', c); Assert.DoesNotContain('I', c); });
        Assert.Equal(48, Order.NewToken().Length);
    }

    [Fact]
    public void The_change_cutoff_is_midnight_in_the_event_zone_days_before_the_start()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        Assert.Equal(new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc), OrderPolicy.ChangeCutoff(new DateOnly(2026, 12, 9), zone, 7));
    }

    [Theory]
    [InlineData(79900, "$799")]
    [InlineData(4950, "$49.50")]
    [InlineData(119900, "$1,199")]
    public void Money_formats_dollars(long minor, string text) => Assert.Equal(text, Money.Format(minor));
}

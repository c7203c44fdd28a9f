using AiEngineer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Tickets;

/// <summary>
/// The selling workflow shared by the order form, the Stripe webhook, organizers and the expiry sweeper.
/// Seats and voucher uses change only through conditional UPDATEs whose affected rows are checked, so
/// concurrent buyers (and app instances) can never oversell. Order state changes use the status as a
/// concurrency token, so a payment and an expiry racing for one order cannot both win.
/// </summary>
public sealed class TicketSales(AppDbContext db, TimeProvider time, ITicketEmails emails, IOptionsMonitor<TicketingOptions> options)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Validates, prices, holds seats and voucher uses atomically, and saves the order (completing free ones).
    /// </summary>
    public Task<OrderOutcome> PlaceOrderAsync(OrderRequest request, CancellationToken ct = default) => PlaceOrderAsync(request, null, ct);

    /// <summary>
    /// <see cref="PlaceOrderAsync(OrderRequest, CancellationToken)"/> with the chosen types as the caller has them (untracked,
    /// possibly a shared copy a few seconds old), to save a query; their seat counts are only a first look: too few sends
    /// this to the database before refusing, and the conditional UPDATE decides.
    /// </summary>
    public async Task<OrderOutcome> PlaceOrderAsync(OrderRequest request, IReadOnlyDictionary<int, TicketType>? knownTypes, CancellationToken ct = default)
    {
        // A repeat of a placed form (a second click, a reload) is found only when this attempt is refused: the unique key
        // refuses its insert, or its seats or voucher are gone by now. A first attempt, nearly every one, saves the query.
        var outcome = await PlaceNewOrderAsync(request, knownTypes, ct);
        if (outcome.Order is not null) return outcome;
        var existing = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.IdempotencyKey == request.IdempotencyKey, ct);
        return existing is null ? outcome : new OrderOutcome(existing, [], Repeated: true);
    }

    private async Task<OrderOutcome> PlaceNewOrderAsync(OrderRequest request, IReadOnlyDictionary<int, TicketType>? knownTypes, CancellationToken ct)
    {
        var now = Now;
        var settings = options.CurrentValue;
        var errors = new List<Problem>();
        if (request.Attendees.Count == 0) return OrderOutcome.Fail("Choose at least one ticket.");
        if (request.Attendees.Count > 50) return OrderOutcome.Fail("At most 50 tickets fit in one order.");

        var typeIds = request.Attendees.Select(a => a.TicketTypeId).Distinct().ToList();
        var given = knownTypes is not null && typeIds.All(knownTypes.ContainsKey);
        var types = given
            ? typeIds.ToDictionary(id => id, id => knownTypes![id])
            : await db.TicketTypes.AsNoTracking().Where(t => typeIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        if (types.Count != typeIds.Count) return OrderOutcome.Fail("One of the chosen ticket types does not exist.");

        Voucher? voucher = null;
        if (!string.IsNullOrWhiteSpace(request.VoucherCode))
        {
            var code = Voucher.Normalize(request.VoucherCode);
            voucher = await db.Vouchers.AsNoTracking().Include(v => v.TicketTypes).FirstOrDefaultAsync(v => v.Code == code, ct);
            if (voucher is null) return OrderOutcome.Fail("That voucher code is not valid.");
            if (voucher.ProblemAt(now) is { } problem) return OrderOutcome.Fail(problem);
        }

        var comp = request.CompIssuedBy is not null;
        foreach (var (typeId, count) in request.Attendees.GroupBy(a => a.TicketTypeId).Select(g => (g.Key, g.Count())))
        {
            if (comp) continue;
            var type = types[typeId];
            if (type.Hidden && !(voucher is { UnlocksHidden: true } && voucher.AppliesTo(typeId)))
                errors.Add($"{type.LocalName} is not on sale.");
            else if (!type.OnSaleAt(now))
                errors.Add(type.SaleStartsAt > now ? (Problem)$"{type.LocalName} is not on sale yet." : $"The sale of {type.LocalName} has ended.");
            if (count < type.MinPerOrder) errors.Add($"{type.LocalName}: at least {type.MinPerOrder} per order.");
            if (count > type.MaxPerOrder) errors.Add($"{type.LocalName}: at most {type.MaxPerOrder} per order.");
        }
        if (errors.Count > 0) return new OrderOutcome(null, errors);

        var quote = comp
            ? new PriceQuote(request.Attendees.Select(a => (a, 0L, types[a.TicketTypeId].PriceMinor)).ToList(), 0)
            : PriceQuote.For(request.Attendees, types, voucher);
        var hiddenTickets = comp ? 0 : request.Attendees.Count(a => types[a.TicketTypeId].Hidden);
        if (hiddenTickets > quote.VoucherUses) return OrderOutcome.Fail("The voucher does not cover that many tickets.");
        if (voucher is not null && quote.VoucherUses == 0) return OrderOutcome.Fail("That voucher does not apply to the chosen tickets.");

        // Refused at once when too few seats are left: in a rush most buyers arrive after the last seat went, and they
        // need not open a transaction. Types the caller gave may be a few seconds old (the checkout's shared copy), so
        // their counts only decide whether to ask the database; a seat given back meanwhile still sells. Types read just
        // above are current already. The conditional UPDATE below stays the authority.
        foreach (var (typeId, count) in request.Attendees.GroupBy(a => a.TicketTypeId).Select(g => (g.Key, g.Count())))
            if (FromReserve(voucher, quote, typeId, count) == 0 && types[typeId].Remaining < count
                && (given ? await SeatsLeftAsync(typeId, ct) : types[typeId].Remaining) is var left && left < count)
                return NotEnoughSeats(types[typeId], left);

        var method = quote.Total == 0 ? (comp || voucher?.Kind == VoucherKind.Comp ? PaymentMethod.Comp : PaymentMethod.Free) : request.Method;
        if (quote.Total > 0 && method is PaymentMethod.Free or PaymentMethod.Comp) return OrderOutcome.Fail("Choose how to pay.");
        if (method == PaymentMethod.Invoice && !settings.InvoiceEnabled) return OrderOutcome.Fail("Paying by invoice is not available.");
        var currency = types.Values.First().Currency;

        var order = new Order
        {
            Code = Order.NewCode(),
            AccessToken = Order.NewToken(),
            IdempotencyKey = request.IdempotencyKey,
            Status = OrderStatus.Pending,
            PaymentMethod = method,
            UserId = request.UserId,
            BuyerName = request.Buyer.Name.Trim(),
            BuyerEmail = request.Buyer.Email.Trim(),
            Language = request.Language ?? System.Globalization.CultureInfo.CurrentUICulture.Name,
            BuyerCompany = Blank(request.Buyer.Company),
            InvoiceAddress = Blank(request.Buyer.InvoiceAddress),
            VatId = Blank(request.Buyer.VatId),
            Currency = currency,
            SubtotalMinor = quote.Subtotal,
            DiscountMinor = quote.Discount,
            TotalMinor = quote.Total,
            VoucherId = quote.VoucherUses > 0 ? voucher?.Id : null,
            VoucherUses = quote.VoucherUses,
            SeatsHeld = true,
            CreatedAt = now,
            HoldExpiresAt = method == PaymentMethod.Invoice ? now.AddDays(settings.InvoiceDueDays) : now.AddMinutes(settings.ReservationMinutes),
            InvoiceDueAt = method == PaymentMethod.Invoice ? now.AddDays(settings.InvoiceDueDays) : null,
        };
        foreach (var (a, price, _) in quote.Lines)
        {
            order.Tickets.Add(new Ticket
            {
                TicketTypeId = a.TicketTypeId,
                Code = Ticket.NewCode(),
                AttendeeName = a.Name.Trim(),
                AttendeeEmail = a.Email.Trim(),
                Company = Blank(a.Company),
                JobTitle = Blank(a.JobTitle),
                Dietary = Blank(a.Dietary),
                Accessibility = Blank(a.Accessibility),
                ShirtSize = types[a.TicketTypeId].Kind == TicketKind.InPerson ? Blank(a.ShirtSize) : null,
                PriceMinor = price,
            });
        }
        order.Log("created", comp ? $"{order.Tickets.Count} complimentary ticket(s) issued" : $"Order placed: {order.Tickets.Count} ticket(s), {Money.Format(order.TotalMinor, currency)}", now, request.CompIssuedBy ?? request.Buyer.Email);

        // Everything the order needs, its email included, is built before a seat is taken: the seat row is the one
        // place all buyers of a type meet, and nothing slow may happen while it is locked.
        await emails.PrepareAsync(types, ct);
        if (method is PaymentMethod.Free or PaymentMethod.Comp)
        {
            order.MarkPaid(method, null, now);
            db.OutboundEmails.Add(emails.Confirmation(order, now));
        }
        else if (method == PaymentMethod.Invoice)
        {
            db.OutboundEmails.Add(emails.InvoiceInstructions(order, now));
        }
        db.Orders.Add(order);
        var seats = order.Seats().Select(s => (s.TicketTypeId, s.Count, FromReserve: FromReserve(voucher, quote, s.TicketTypeId, s.Count))).OrderBy(s => s.TicketTypeId).ToList();

        return IsPostgres
            ? await SaveWithSeatsClaimedFirstAsync(order, seats, types, request.IdempotencyKey, ct)
            : await SaveInOneTransactionAsync(order, seats, types, request.IdempotencyKey, ct);
    }

    private bool IsPostgres => db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// Seats, voucher uses and the order in one transaction. SQLite runs one writer at a time anyway, so the lock on the
    /// seat row costs nothing extra there.
    /// </summary>
    private async Task<OrderOutcome> SaveInOneTransactionAsync(Order order, List<(int TicketTypeId, int Count, int FromReserve)> seats,
        Dictionary<int, TicketType> types, Guid idempotencyKey, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (typeId, count, fromReserve) in seats)
        {
            if (!await TryTakeSeatsAsync(typeId, count, fromReserve, ct))
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return await NotEnoughSeatsNowAsync(types[typeId], ct);
            }
        }
        return await CommitOrderAsync(tx, order, idempotencyKey, ct) ?? new OrderOutcome(order, []);
    }

    /// <summary>
    /// Uses the order's voucher and saves the order in <paramref name="tx"/>, then commits. Null when committed; otherwise
    /// the answer for the buyer, with the transaction rolled back.
    /// </summary>
    private async Task<OrderOutcome?> CommitOrderAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, Order order, Guid idempotencyKey, CancellationToken ct)
    {
        if (order.VoucherId is { } voucherId && !await TryUseVoucherAsync(voucherId, order.VoucherUses, ct))
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return OrderOutcome.Fail("This voucher has been used up.");
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }
        catch (DbUpdateException ex)
        {
            await tx.RollbackAsync(CancellationToken.None);
            return await RepeatedOrThrowAsync(idempotencyKey, ex, ct);
        }
    }

    /// <summary>
    /// PostgreSQL under a rush: each type's seats are taken by one conditional UPDATE in its own (autocommit) statement,
    /// so the type's row is locked only while PostgreSQL runs that statement, not while this request inserts the order and
    /// commits. The order then goes in its own transaction; if that fails the seats are given back at once. Should the
    /// process die between the two, <see cref="ReconcileSeatsAsync"/> returns the seats: every checkout holds a shared
    /// advisory lock on the type from before the claim until after the order commits (PostgreSQL drops it with the
    /// connection of a dead process), and the reconciliation only corrects a type while it holds that lock exclusively.
    /// </summary>
    private async Task<OrderOutcome> SaveWithSeatsClaimedFirstAsync(Order order, List<(int TicketTypeId, int Count, int FromReserve)> seats,
        Dictionary<int, TicketType> types, Guid idempotencyKey, CancellationToken ct)
    {
        var claimed = new List<(int TicketTypeId, int Count, int FromReserve)>();
        var locked = new List<int>();
        var saved = false;
        await db.Database.OpenConnectionAsync(ct); // one connection: the advisory locks belong to its session
        try
        {
            foreach (var seat in seats)
            {
                locked.Add(seat.TicketTypeId); // before the round trip: should it fail midway, unlocking a lock not held is harmless
                if (!await LockAndTakeSeatsAsync(seat.TicketTypeId, seat.Count, seat.FromReserve, ct))
                {
                    db.ChangeTracker.Clear();
                    await GiveBackAsync(claimed);
                    claimed.Clear();
                    return await NotEnoughSeatsNowAsync(types[seat.TicketTypeId], ct);
                }
                claimed.Add(seat);
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // A failed save rolls the whole transaction back: EF's savepoint around it would cost two round trips for nothing.
            db.Database.AutoSavepointsEnabled = false;
            // Not saved (voucher used up, a repeat, an error): the finally below gives the seats back.
            if (await CommitOrderAsync(tx, order, idempotencyKey, ct) is { } refused) return refused;
            saved = true;
            return new OrderOutcome(order, []);
        }
        finally
        {
            // Whatever went wrong (the database gone, the request cancelled), seats without an order go back now; if even
            // that fails, the reconciliation does it once this session's lock is gone.
            if (!saved && claimed.Count > 0)
            {
                db.ChangeTracker.Clear();
                try { await GiveBackAsync(claimed); } catch (Exception) { /* the reconciliation returns them */ }
            }
            try
            {
                foreach (var typeId in locked)
                    await ExecuteOnConnectionAsync("SELECT pg_advisory_unlock_shared(@class, @type)", typeId, 0, 0, CancellationToken.None);
            }
            catch (Exception) { /* a broken connection has lost its locks already */ }
            db.Database.AutoSavepointsEnabled = true; // the context goes back to the pool
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The first number of the advisory locks that guard a ticket type's seat counter (the second is the type's id).</summary>
    public const int SeatLockClass = 0x5EA7;

    /// <summary>
    /// PostgreSQL: the type's shared advisory lock and <see cref="TryTakeSeatsAsync"/>'s conditional UPDATE in one round
    /// trip. The lock is taken first, in the same session; the count is the UPDATE's alone (a SELECT adds no affected rows).
    /// This one transaction commits without waiting for the disk (set_config local: the setting ends with it). The type's
    /// row stays locked until its claim has committed, so a claim that waited for the disk held every buyer of the type
    /// behind that flush. Nothing is lost by it: the order's own commit, later on this same connection, waits for the log
    /// up to itself, the claim's record included; and a claim lost in a database crash before that had no order yet.
    /// </summary>
    private async Task<bool> LockAndTakeSeatsAsync(int typeId, int count, int fromReserve, CancellationToken ct) =>
        await ExecuteOnConnectionAsync("""
            SELECT set_config('synchronous_commit', 'off', true);
            SELECT pg_advisory_lock_shared(@class, @type);
            UPDATE "TicketTypes" SET "Taken" = "Taken" + @count, "Reserved" = "Reserved" - @reserve
            WHERE "Id" = @type AND "Reserved" >= @reserve AND "Taken" + @count + "Reserved" - @reserve <= "Capacity"
            """, typeId, count, fromReserve, ct) == 1;

    /// <summary>
    /// Runs one of the seat claim's statements (<see cref="SeatLockClass"/> as @class, and @type, @count, @reserve) on the
    /// context's open connection, outside any transaction, as a plain ADO.NET command: they run on every checkout of a
    /// rush, and EF's raw-SQL path (its command builder, type mapping, diagnostics) cost more than the round trip's own work.
    /// Returns the rows the UPDATE affected (a SELECT adds none).
    /// </summary>
    private async Task<int> ExecuteOnConnectionAsync(string sql, int typeId, int count, int fromReserve, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in new[] { ("class", SeatLockClass), ("type", typeId), ("count", count), ("reserve", fromReserve) })
        {
            if (!sql.Contains("@" + name, StringComparison.Ordinal)) continue;
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return await command.ExecuteNonQueryAsync(ct);
    }

    private async Task GiveBackAsync(List<(int TicketTypeId, int Count, int FromReserve)> claimed)
    {
        foreach (var (typeId, count, fromReserve) in claimed)
            await db.TicketTypes.Where(t => t.Id == typeId).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Taken, t => t.Taken - count)
                .SetProperty(t => t.Reserved, t => t.Reserved + fromReserve), CancellationToken.None);
    }

    private async Task<OrderOutcome> NotEnoughSeatsNowAsync(TicketType type, CancellationToken ct) =>
        NotEnoughSeats(type, await SeatsLeftAsync(type.Id, ct));

    private Task<int> SeatsLeftAsync(int typeId, CancellationToken ct) =>
        db.TicketTypes.Where(t => t.Id == typeId).Select(t => t.Capacity - t.Taken - t.Reserved).FirstAsync(ct);

    /// <summary>The same form was posted twice at once and the other post won: answer with its order.</summary>
    private async Task<OrderOutcome> RepeatedOrThrowAsync(Guid idempotencyKey, DbUpdateException failure, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var first = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.IdempotencyKey == idempotencyKey, ct);
        if (first is null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return new OrderOutcome(first, [], Repeated: true);
    }

    /// <summary>
    /// PostgreSQL: puts back seats that a checkout took but never turned into an order (its process died between the two
    /// steps of <see cref="SaveWithSeatsClaimedFirstAsync"/>). A type is corrected only while no checkout holds its
    /// advisory lock, so seats of orders still being written are never counted as lost. Returns how many seats came back.
    /// </summary>
    public async Task<int> ReconcileSeatsAsync(CancellationToken ct = default)
    {
        if (!IsPostgres) return 0; // there the seats and the order share one transaction
        var suspects = await db.TicketTypes.AsNoTracking()
            .Where(t => t.Taken > db.Tickets.Count(k => k.TicketTypeId == t.Id && k.Order.SeatsHeld))
            .Select(t => t.Id).ToListAsync(ct);
        var returned = 0;
        foreach (var typeId in suspects)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var free = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({SeatLockClass}, {typeId}) AS \"Value\"").SingleAsync(ct);
            if (!free) continue; // checkouts in progress: next pass
            // Row lock first: payments, expiries and cancellations change the counter and their orders together under it.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"TicketTypes\" WHERE \"Id\" = {typeId} FOR UPDATE", ct);
            var held = await db.Tickets.CountAsync(k => k.TicketTypeId == typeId && k.Order.SeatsHeld, ct);
            var taken = await db.TicketTypes.Where(t => t.Id == typeId).Select(t => t.Taken).SingleAsync(ct);
            if (taken > held)
            {
                await db.TicketTypes.Where(t => t.Id == typeId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Taken, held), ct);
                returned += taken - held;
            }
            await tx.CommitAsync(ct);
        }
        return returned;
    }

    /// <summary>A waitlist offer takes the seats kept for it; everyone else competes for the unreserved ones.</summary>
    private static int FromReserve(Voucher? voucher, PriceQuote quote, int typeId, int count) =>
        voucher is { ReservesSeat: true, ReservationReleased: false } && voucher.AppliesTo(typeId) ? Math.Min(count, quote.VoucherUses) : 0;

    private static OrderOutcome NotEnoughSeats(TicketType type, int left) =>
        OrderOutcome.Fail(left <= 0 ? (Problem)$"{type.LocalName} is sold out." : $"Only {left} {type.LocalName} ticket(s) are left.");

    /// <summary>
    /// Money arrived (webhook, or an organizer marking an invoice paid). Idempotent: a paid order stays paid.
    /// After the hold lapsed the seats are taken again if any are left; otherwise the order becomes RefundDue.
    /// </summary>
    public async Task<Order?> MarkPaidAsync(long orderId, PaymentMethod method, string? reference, string? actor, CancellationToken ct = default)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            db.ChangeTracker.Clear();
            var order = await db.Orders.Include(o => o.Tickets).FirstOrDefaultAsync(o => o.Id == orderId, ct);
            if (order is null) return null;
            var now = Now;
            try
            {
                switch (order.Status)
                {
                    case OrderStatus.Paid or OrderStatus.RefundDue or OrderStatus.Refunded:
                        return order; // already settled: a repeat
                    case OrderStatus.Pending:
                        order.MarkPaid(method, reference, now, actor);
                        db.OutboundEmails.Add(emails.Confirmation(order, now));
                        await db.SaveChangesAsync(ct);
                        return order;
                    default: // Expired or Cancelled: a late payment
                        await using (var tx = await db.Database.BeginTransactionAsync(ct))
                        {
                                                        var all = true;
                            foreach (var (typeId, count) in order.Seats())
                            {
                                if (!await TryTakeSeatsAsync(typeId, count, 0, ct)) { all = false; break; }
                            }
                            if (!all) await tx.RollbackAsync(ct);
                            foreach (var t in order.Tickets) t.CancelledAt = all ? null : t.CancelledAt ?? now;
                            order.MarkPaidLate(method, reference, all, now);
                            if (all) db.OutboundEmails.Add(emails.Confirmation(order, now));
                            await db.SaveChangesAsync(ct);
                            if (all) await tx.CommitAsync(ct);
                        }
                        return order;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // The expiry sweeper (or another webhook) changed the order meanwhile: look again.
            }
        }
        throw new InvalidOperationException($"Order {orderId} kept changing while being marked paid.");
    }

    /// <summary>Expires pending orders whose hold has run out and returns their seats and voucher uses. Returns how many.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct = default)
    {
        var now = Now;
        var due = await db.Orders.Where(o => o.Status == OrderStatus.Pending && o.HoldExpiresAt <= now)
            .OrderBy(o => o.HoldExpiresAt).Select(o => o.Id).Take(200).ToListAsync(ct);
        var expired = 0;
        foreach (var id in due)
            if (await ExpireAsync(id, "The reservation expired unpaid; the seats went back on sale", onlyIfDue: true, ct)) expired++;
        return expired;
    }

    /// <summary>Ends a pending order's hold now (its time ran out, or Stripe's checkout session expired).</summary>
    public async Task<bool> ExpireAsync(long orderId, string reason, bool onlyIfDue, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var order = await db.Orders.Include(o => o.Tickets).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        var now = Now;
        if (order is null || order.Status != OrderStatus.Pending || (onlyIfDue && order.HoldExpiresAt > now)) return false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        order.Expire(now);
        order.Events[^1].Message = reason;
        try
        {
            await db.SaveChangesAsync(ct); // fails if a payment changed the status meanwhile
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            return false;
        }
        await ReleaseSeatsAsync(order, ct);
        await ReleaseVoucherAsync(order, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Cancels a pending or paid order and returns its seats. Paid money is refunded separately.</summary>
    public async Task<Order?> CancelAsync(long orderId, string? actor, string reason, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var order = await db.Orders.Include(o => o.Tickets).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return null;
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        order.Cancel(now, actor, reason);
        db.OutboundEmails.Add(emails.OrderClosed(order, "cancelled", now));
        await db.SaveChangesAsync(ct);
        await ReleaseSeatsAsync(order, ct);
        await ReleaseVoucherAsync(order, ct);
        await tx.CommitAsync(ct);
        return order;
    }

    /// <summary>
    /// Brings the order's refunded total up to <paramref name="refundedTotalMinor"/> (what the provider reports, or what an organizer
    /// just refunded on top of the previous total). Only the difference is recorded, so a webhook and the organizer's own
    /// record of the same refund, in either order, count it once. A full refund of a paid order frees its seats.
    /// </summary>
    public async Task<Order?> RecordRefundTotalAsync(long orderId, long refundedTotalMinor, string? actor, string? note, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var order = await db.Orders.Include(o => o.Tickets).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return null;
        var delta = refundedTotalMinor - order.RefundedMinor;
        if (delta <= 0) return order;
        var now = Now;
        var heldSeats = order.SeatsHeld;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        order.RecordRefund(delta, now, actor, note);
        if (order.Status == OrderStatus.Refunded) db.OutboundEmails.Add(emails.OrderClosed(order, "refunded", now));
        await db.SaveChangesAsync(ct);
        if (heldSeats && !order.SeatsHeld) await ReleaseSeatsAsync(order, ct);
        await tx.CommitAsync(ct);
        return order;
    }

    /// <summary>
    /// Gives a ticket to someone else: new holder, new code. The old code is kept as void so the door can say why it fails,
    /// and the new holder is emailed. Allowed while the order is paid and the ticket not checked in.
    /// </summary>
    public async Task<(Ticket? Ticket, Problem? Error)> TransferAsync(long orderId, long ticketId, string name, string email, string? actor, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var ticket = await db.Tickets.Include(t => t.Order).FirstOrDefaultAsync(t => t.Id == ticketId && t.OrderId == orderId, ct);
        if (ticket is null) return (null, "No such ticket in this order.");
        if (ticket.Order.Status != OrderStatus.Paid || ticket.CancelledAt is not null) return (null, "Only a valid ticket of a paid order can be transferred.");
        if (ticket.CheckedInAt is not null) return (null, "This ticket has already been used at the door.");
        var now = Now;
        var oldCode = ticket.Code;
        db.VoidedTicketCodes.Add(new VoidedTicketCode { Code = oldCode, TicketId = ticket.Id, VoidedAt = now, Reason = "transferred" });
        ticket.Code = Ticket.NewCode();
        var previous = ticket.AttendeeName;
        ticket.AttendeeName = name.Trim();
        ticket.AttendeeEmail = email.Trim();
        ticket.Company = ticket.JobTitle = ticket.Dietary = ticket.Accessibility = null;
        ticket.Order.Log("transferred", $"Ticket {oldCode[..4]}… transferred from {previous} to {ticket.AttendeeName}; the old code no longer works", now, actor);
        db.OutboundEmails.Add(emails.TicketTransferred(ticket, now));
        await db.SaveChangesAsync(ct);
        return (ticket, null);
    }

    /// <summary>
    /// Takes seats if that many are left: one conditional UPDATE, judged by the rows it changed. <paramref name="fromReserve"/>
    /// of them come out of the seats reserved for waitlist offers; the rest must be unreserved.
    /// <see cref="LockAndTakeSeatsAsync"/> states the same condition in SQL: a change here belongs there too.
    /// </summary>
    public async Task<bool> TryTakeSeatsAsync(int ticketTypeId, int count, int fromReserve = 0, CancellationToken ct = default) =>
        await db.TicketTypes
            .Where(t => t.Id == ticketTypeId && t.Reserved >= fromReserve && t.Taken + count + t.Reserved - fromReserve <= t.Capacity)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Taken, t => t.Taken + count)
                .SetProperty(t => t.Reserved, t => t.Reserved - fromReserve), ct) == 1;

    private async Task ReleaseSeatsAsync(Order order, CancellationToken ct)
    {
        // Seats an unexpired waitlist offer took go back to its reservation, so the offer can still be used.
        var offer = order.VoucherId is { } vid
            ? await db.Vouchers.AsNoTracking().Include(v => v.TicketTypes).FirstOrDefaultAsync(v => v.Id == vid && v.ReservesSeat && !v.ReservationReleased, ct)
            : null;
        foreach (var (typeId, count) in order.Seats())
        {
            var back = offer is not null && offer.AppliesTo(typeId) ? Math.Min(count, order.VoucherUses) : 0;
            await db.TicketTypes.Where(t => t.Id == typeId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Taken, t => t.Taken - count).SetProperty(t => t.Reserved, t => t.Reserved + back), ct);
        }
    }

    /// <summary>
    /// Offers freed seats to the waitlist, first come first served: each offer reserves a seat and emails a voucher valid for
    /// 48 hours. Offers that ran out unused give their seat back first. Returns how many offers were made.
    /// </summary>
    public async Task<int> OfferWaitlistAsync(CancellationToken ct = default)
    {
        var now = Now;
        var lapsed = await db.Vouchers.Include(v => v.TicketTypes)
            .Where(v => v.ReservesSeat && !v.ReservationReleased && v.Uses == 0 && v.ValidUntil <= now).ToListAsync(ct);
        foreach (var v in lapsed)
        {
            var typeId = v.TicketTypes.Single().TicketTypeId;
            var released = await db.Vouchers.Where(x => x.Id == v.Id && !x.ReservationReleased && x.Uses == 0)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReservationReleased, true), ct);
            if (released == 1)
                await db.TicketTypes.Where(t => t.Id == typeId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Reserved, t => t.Reserved - 1), ct);
        }

        var offered = 0;
        var waiting = await db.WaitlistEntries.Where(w => w.OfferedAt == null).Select(w => w.TicketTypeId).Distinct().ToListAsync(ct);
        foreach (var typeId in waiting)
        {
            while (true)
            {
                var next = await db.WaitlistEntries.AsNoTracking().Where(w => w.TicketTypeId == typeId && w.OfferedAt == null).OrderBy(w => w.Id).FirstOrDefaultAsync(ct);
                if (next is null) break;
                // Claiming the entry, reserving the seat, the voucher and the email stand or fall together;
                // the conditional updates keep two instances from offering one entry or one seat twice.
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var claimed = await db.WaitlistEntries.Where(w => w.Id == next.Id && w.OfferedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.OfferedAt, now), ct);
                if (claimed != 1) { await tx.RollbackAsync(ct); continue; }
                var reserved = await db.TicketTypes.Where(t => t.Id == typeId && t.Taken + t.Reserved + 1 <= t.Capacity)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Reserved, t => t.Reserved + 1), ct);
                if (reserved != 1) { await tx.RollbackAsync(ct); break; } // nothing free for this type
                var voucher = new Voucher
                {
                    Code = "WAIT-" + Order.NewCode(),
                    Kind = VoucherKind.Access,
                    MaxUses = 1,
                    ValidFrom = now,
                    ValidUntil = now + WaitlistEntry.OfferValidity,
                    UnlocksHidden = true,
                    ReservesSeat = true,
                    Note = "Waitlist offer for " + next.Email,
                };
                voucher.TicketTypes.Add(new VoucherTicketType { TicketTypeId = typeId });
                db.Vouchers.Add(voucher);
                await db.SaveChangesAsync(ct);
                await db.WaitlistEntries.Where(w => w.Id == next.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.VoucherId, voucher.Id), ct);
                db.OutboundEmails.Add(emails.WaitlistOffer(next, voucher, now));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                offered++;
            }
        }
        return offered;
    }

    private async Task<bool> TryUseVoucherAsync(int voucherId, int uses, CancellationToken ct) =>
        await db.Vouchers
            .Where(v => v.Id == voucherId && v.Uses + uses <= v.MaxUses)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Uses, v => v.Uses + uses), ct) == 1;

    private async Task ReleaseVoucherAsync(Order order, CancellationToken ct)
    {
        if (order.VoucherId is { } id && order.VoucherUses > 0)
            await db.Vouchers.Where(v => v.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Uses, v => v.Uses - order.VoucherUses), ct);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

using System.Net;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Tickets;

public class ConcurrencyTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    [Fact]
    public async Task Two_hundred_parallel_buyers_for_fifty_seats_sell_exactly_fifty_and_the_rest_hear_sold_out()
    {
        // The point is PostgreSQL's row locking under real parallelism; SQLite serialises writers anyway.
        var typeId = await fixture.AddTypeAsync("Rush Pass", 0, 50);
        const int buyers = 200;
        using var gate = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, buyers).Select(async i =>
        {
            var client = fixture.Site.CreateBrowserlikeClient();
            await gate.WaitAsync();
            return await fixture.BuyAsync(client, new() { [typeId] = 1 }, $"rush{i}@example.com");
        }).ToList();
        gate.Release(buyers);
        var responses = await Task.WhenAll(tasks);

        var placed = responses.Count(r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = 0;
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode); // never a 5xx
            Assert.Contains("Rush Pass is sold out.", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
            refused++;
        }
        Assert.Equal(50, placed);
        Assert.Equal(buyers - 50, refused);
        var type = await fixture.Site.WithDbAsync(db => db.TicketTypes.AsNoTracking().SingleAsync(t => t.Id == typeId));
        Assert.Equal(50, type.Taken);
        Assert.Equal(50, await fixture.Site.WithDbAsync(db => db.Tickets.CountAsync(t => t.TicketTypeId == typeId && t.Order.Status == OrderStatus.Paid)));

        // Pooled connections go back without a session reset (Database:NoResetOnClose): every checkout, sold or refused,
        // must have released its advisory lock on the type itself, or the seat reconciliation would wait on it for good.
        if (fixture.Site.Database.Provider == "Postgres")
        {
            Assert.Equal(0, await fixture.Site.WithDbAsync(db => db.Database.SqlQuery<int>(
                $"SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())").SingleAsync()));
            // The seat claim commits without waiting for the disk, and only the claim does: ten pooled connections at once
            // (each in use by the rush) still commit every other transaction, the orders included, synchronously.
            var settings = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => fixture.Site.WithDbAsync(db => db.Database.SqlQuery<string>(
                $"SELECT current_setting('synchronous_commit') AS \"Value\" FROM pg_sleep(0.2)").SingleAsync())));
            Assert.All(settings, value => Assert.Equal("on", value));
        }
    }

    [Fact]
    public async Task A_voucher_with_ten_uses_raced_by_thirty_buyers_is_used_exactly_ten_times()
    {
        var typeId = await fixture.AddTypeAsync("Voucher Rush", 5000, 100);
        await fixture.Site.WithDbAsync(async db =>
        {
            db.Vouchers.Add(new Voucher { Code = "RUSH10", Kind = VoucherKind.Comp, MaxUses = 10 });
            await db.SaveChangesAsync();
        });
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, $"vrush{i}@example.com", voucher: "RUSH10")));
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(10, await fixture.Site.WithDbAsync(db => db.Vouchers.Where(v => v.Code == "RUSH10").Select(v => v.Uses).SingleAsync()));
        Assert.Equal(10, (await fixture.Site.WithDbAsync(db => db.TicketTypes.AsNoTracking().SingleAsync(t => t.Id == typeId))).Taken);
    }
}

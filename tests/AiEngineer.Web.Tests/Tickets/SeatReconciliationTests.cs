using AiEngineer.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AiEngineer.Web.Tests.Tickets;

/// <summary>
/// On PostgreSQL a checkout takes its seats in one statement before it writes the order. A checkout whose process dies in
/// between leaves seats taken without an order: the sweeper gives them back, but never while a checkout is in flight.
/// </summary>
public class SeatReconciliationTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    [Fact]
    public async Task Seats_taken_by_a_checkout_that_died_come_back_and_seats_of_a_checkout_in_flight_stay_taken()
    {
        // SQLite takes the seats and writes the order in one transaction: nothing can be left behind there.
        if (fixture.Database.Provider != "Postgres") return;
        var typeId = await fixture.AddTypeAsync("Reconciled Pass", 0, 5);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "kept@example.com", "Free")).StatusCode);

        // A checkout in another process: holds the type's shared lock, has taken two seats, has not written its order yet.
        var inFlight = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString) { Pooling = false }.ConnectionString);
        await inFlight.OpenAsync();
        await using (var claim = new NpgsqlCommand(
            $"SELECT pg_advisory_lock_shared({TicketSales.SeatLockClass}, {typeId}); UPDATE \"TicketTypes\" SET \"Taken\" = \"Taken\" + 2 WHERE \"Id\" = {typeId}", inFlight))
            await claim.ExecuteNonQueryAsync();

        await Task.Delay(1500); // several sweeps (every 0.2 s here)
        Assert.Equal(3, await TakenAsync(typeId)); // in flight: not touched

        // The process dies: its connection, and with it the lock, goes away; the order never comes.
        await inFlight.DisposeAsync();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await TakenAsync(typeId) != 1 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(1, await TakenAsync(typeId)); // the sold seat stays sold, the two lost ones are back

        // And they sell again: four seats are left, not two.
        for (var i = 0; i < 4; i++)
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, $"again{i}@example.com", "Free")).StatusCode);
        Assert.Equal(5, await TakenAsync(typeId));
    }

    private Task<int> TakenAsync(int typeId) =>
        fixture.Site.WithDbAsync(db => db.TicketTypes.Where(t => t.Id == typeId).Select(t => t.Taken).SingleAsync());
}

using AiEngineer.BrowserTests.Infrastructure;
using AiEngineer.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Tickets;

/// <summary>
/// The organizer turns the waiting room on under Admin › Tickets; a buyer who opens /tickets is given a place, watches it
/// move up without a reload as the site's clock runs, and is sent on to the tickets when their turn comes.
/// </summary>
public class WaitingRoomJourneyTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_organizer_turns_the_room_on_and_a_buyer_waits_their_turn_on_a_page_that_updates_itself()
    {
        var organizer = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(organizer, "organizer@example.com");
        await organizer.GotoAsync("/admin/tickets");
        var room = organizer.Locator("#waiting-room");
        await room.GetByLabel("Waiting room on").CheckAsync();
        await room.GetByLabel("Admissions per minute").FillAsync("60");
        await room.GetByRole(AriaRole.Button, new() { Name = "Save the waiting room" }).ClickAsync();
        await organizer.GetByText("The waiting room is on.").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await BrowserFixture.ScreenshotAsync(organizer, "waiting-room-admin");

        // Someone is already in line, and stays (their page keeps asking).
        var now = fixture.Site.Time.GetUtcNow().UtcDateTime;
        await fixture.Site.WithDbAsync(async db =>
        {
            db.QueueEntries.Add(new QueueEntry { SecretHash = new byte[32], JoinedAt = now, LastSeenAt = now.AddDays(1) });
            await db.SaveChangesAsync();
        });

        var buyer = await fixture.NewPageAsync(390, 844);
        await buyer.GotoAsync("/tickets");
        await buyer.WaitForURLAsync("**/tickets/queue?returnUrl=%2Ftickets");
        await buyer.GetByRole(AriaRole.Heading, new() { Name = "You're in line for tickets" }).WaitForAsync();
        var position = buyer.Locator("[data-queue-position]");
        Assert.Equal("2", (await position.InnerTextAsync()).Trim());
        Assert.Contains("Estimated wait: less than a minute.", await buyer.Locator("[data-queue-wait]").InnerTextAsync());
        await BrowserFixture.AssertAccessibleAsync(buyer);
        await BrowserFixture.ScreenshotAsync(buyer, "waiting-room-queue");

        // A second of the site's clock lets the first in: the page shows the new place without reloading.
        await buyer.EvaluateAsync("() => { window.stillThisPage = true; }");
        fixture.Site.Time.Advance(TimeSpan.FromSeconds(1));
        await Assertions.Expect(position).ToHaveTextAsync("1", new() { Timeout = 15_000 });
        Assert.True(await buyer.EvaluateAsync<bool>("() => window.stillThisPage === true"));

        // Another second: the buyer's turn, and the page goes on to the tickets, which now open for them.
        fixture.Site.Time.Advance(TimeSpan.FromSeconds(1));
        await buyer.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/tickets", new() { Timeout = 15_000 });
        await buyer.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
        Assert.Equal(2, await fixture.Site.WithDbAsync(db => db.QueueEntries.CountAsync(e => e.AdmittedAt != null))); // the one ahead, then the buyer
        await BrowserFixture.AssertAccessibleAsync(buyer);
    }

    [Fact]
    public async Task Without_script_the_queue_page_reloads_itself_shows_the_new_place_and_goes_on_to_the_tickets_at_the_turn()
    {
        var now = fixture.Site.Time.GetUtcNow().UtcDateTime;
        await fixture.Site.WithDbAsync(async db =>
        {
            await db.QueueEntries.ExecuteDeleteAsync();
            await db.WaitingRooms.ExecuteDeleteAsync();
            db.WaitingRooms.Add(new WaitingRoom { Enabled = true, AdmitPerMinute = 60, AdmitClock = now, UpdatedAt = now });
            // Someone ahead, whose page keeps asking.
            db.QueueEntries.Add(new QueueEntry { SecretHash = new byte[32], JoinedAt = now, LastSeenAt = now.AddDays(1) });
            await db.SaveChangesAsync();
        });
        await fixture.Site.Services.GetRequiredService<Web.Infrastructure.Tickets.WaitingRoomStore>().ReloadAsync();
        try
        {
            var buyer = await fixture.NewPageAsync(390, 844, javaScript: false);
            var loads = 0;
            buyer.Load += (_, _) => loads++;
            await buyer.GotoAsync("/tickets");
            await buyer.WaitForURLAsync("**/tickets/queue?returnUrl=%2Ftickets");
            var position = buyer.Locator("[data-queue-position]");
            Assert.Equal("2", (await position.InnerTextAsync()).Trim());
            // Two seconds to wait: the page asks again after the shortest refresh, 5 s.
            Assert.Equal("5", await buyer.Locator("noscript meta[http-equiv=refresh]").GetAttributeAsync("content"));
            var firstLoads = loads;

            // The one ahead is let in; the page reloads by itself (no script could have changed it) and shows 1.
            fixture.Site.Time.Advance(TimeSpan.FromSeconds(1));
            await Assertions.Expect(position).ToHaveTextAsync("1", new() { Timeout = 20_000 });
            Assert.True(loads > firstLoads, "the new place came with a reload");

            // The buyer's turn: the next reload goes on to the tickets.
            fixture.Site.Time.Advance(TimeSpan.FromSeconds(1));
            await buyer.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/tickets", new() { Timeout = 20_000 });
            await buyer.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
        }
        finally
        {
            await fixture.Site.WithDbAsync(async db =>
            {
                await db.QueueEntries.ExecuteDeleteAsync();
                await db.WaitingRooms.ExecuteDeleteAsync();
            });
            await fixture.Site.Services.GetRequiredService<Web.Infrastructure.Tickets.WaitingRoomStore>().ReloadAsync();
        }
    }
}

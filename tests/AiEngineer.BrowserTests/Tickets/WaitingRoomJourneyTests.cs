using AiEngineer.BrowserTests.Infrastructure;
using AiEngineer.Core.Tickets;
using Microsoft.EntityFrameworkCore;
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
}

using System.Text.RegularExpressions;
using AiEngineer.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Site;

/// <summary>An attendee stars sessions on the schedule without a reload, opens their agenda and its private calendar feed.</summary>
public class AgendaJourneyTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_attendee_stars_two_sessions_in_place_then_opens_the_agenda_and_its_calendar_feed()
    {
        var conference = await fixture.ConferenceAsync();
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "attendee@example.com");

        var day = conference.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync($"/schedule?day={day}");
        var grid = page.Locator(".schedule-wide");
        var unstarred = grid.Locator("form[data-star] button[aria-pressed='false']");
        await unstarred.First.WaitForAsync();
        Assert.True(await unstarred.CountAsync() >= 2, "the demo's first day has at least two sessions to star");
        var url = page.Url;

        var titles = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var form = grid.Locator("form[data-star]:has(button[aria-pressed='false'])").First;
            var id = await form.GetAttributeAsync("data-star");
            var button = grid.Locator($"form[data-star='{id}'] button");
            var label = await button.GetAttributeAsync("aria-label");
            Assert.StartsWith("Star “", label);
            titles.Add(label!["Star “".Length..^1]);
            var navigated = false;
            void OnNavigated(object? _, IFrame frame) { if (frame == page.MainFrame) navigated = true; }
            page.FrameNavigated += OnNavigated;
            await button.ClickAsync();
            await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
            page.FrameNavigated -= OnNavigated;
            Assert.False(navigated, "starring reloaded the page");
            Assert.Equal(url, page.Url);
            // The phone list's copy of the same star follows.
            Assert.Equal("true", await page.Locator($".schedule-list form[data-star='{id}'] button").GetAttributeAsync("aria-pressed"));
        }

        await page.Locator("#account-menu").ClickAsync();
        await page.Locator(".dropdown-menu a[href='/my/agenda']").ClickAsync();
        await page.WaitForURLAsync("**/my/agenda");
        await page.GetByRole(AriaRole.Heading, new() { Name = "My agenda", Level = 1 }).WaitForAsync();
        foreach (var title in titles)
            await page.Locator(".agenda-entry .entry-title", new() { HasText = title }).First.WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Make a private calendar link|New link)") }).ClickAsync();
        var feed = page.Locator("input[data-agenda-feed]");
        await feed.WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "agenda");

        var link = await feed.InputValueAsync();
        Assert.Matches("/agenda/[A-Za-z0-9_-]{43}\\.ics$", link);
        var response = await page.APIRequest.GetAsync(link);
        Assert.Equal(200, response.Status);
        var ics = await response.TextAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.True(Regex.Matches(ics, "BEGIN:VEVENT").Count >= 2);
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using AiEngineer.BrowserTests.Infrastructure;
using AiEngineer.ClusterTests.Infrastructure;
using Microsoft.Playwright;

namespace AiEngineer.ClusterTests;

/// <summary>
/// Live Q&amp;A in the production picture, in a real browser: the attendee's page comes through nginx's round-robin
/// address, so its page, its question and its WebSocket may each reach a different replica (the hub connects without
/// negotiating, so no sticky sessions are needed); the moderator works through the address pinned to replica 2. What
/// one replica hears reaches pages connected to the other through the shared live bus (PostgreSQL NOTIFY).
/// </summary>
[Collection(ClusterCollection.Name)]
public partial class QaThroughNginxTests(Cluster cluster)
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(2);

    [GeneratedRegex(@"href=""/talks/([a-z0-9-]+)""")]
    private static partial Regex TalkLink();

    [Fact]
    public async Task A_question_asked_through_one_replica_reaches_the_moderator_through_the_proxy_live()
    {
        var schedule = await cluster.Client(cluster.Url).GetStringAsync("/schedule");
        var slug = TalkLink().Match(schedule) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("The demo schedule lists no talk");
        var code = await cluster.SqlAsync<string>("""
            SELECT t."Code" FROM "Tickets" t JOIN "TicketTypes" y ON y."Id" = t."TicketTypeId" JOIN "Orders" o ON o."Id" = t."OrderId"
            WHERE y."Kind" = 'Remote' AND o."Status" = 'Paid' AND t."CancelledAt" IS NULL ORDER BY t."Id" LIMIT 1
            """);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFixture.ChromiumPath, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run", "--disable-quic"],
        });
        // The cluster's certificate is made on the spot for this run.
        var moderator = await (await browser.NewContextAsync(new() { BaseURL = cluster.Pinned[1].ToString(), IgnoreHTTPSErrors = true })).NewPageAsync();
        var asker = await (await browser.NewContextAsync(new() { BaseURL = cluster.Url.ToString(), IgnoreHTTPSErrors = true })).NewPageAsync();

        await BrowserFixture.SignInAsync(moderator, "organizer@example.com");
        await moderator.GotoAsync($"/talks/{slug}/qa");
        await moderator.GetByText("You are moderating").WaitForAsync();

        await asker.GotoAsync($"/talks/{slug}/qa?ticket={code}");
        var question = $"Through the proxy, does this reach the other replica? ({Guid.NewGuid():N})"[..70];
        await asker.GetByLabel("Your question").FillAsync(question);
        await asker.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await asker.GetByText("Your question is in.").WaitForAsync();
        var asked = Stopwatch.StartNew();
        await moderator.Locator(".qa-item", new() { HasText = question }).WaitForAsync(new() { Timeout = 10_000 });
        Assert.True(asked.Elapsed <= Live, $"The question took {asked.ElapsedMilliseconds} ms to reach the moderator, more than {Live.TotalSeconds} s");

        // And back: the moderator marks it answered, and the asker's page shows it without a reload.
        await moderator.Locator(".qa-item", new() { HasText = question }).GetByRole(AriaRole.Button, new() { Name = "Mark answered" }).ClickAsync();
        var answered = Stopwatch.StartNew();
        await asker.Locator(".qa-item.is-answered", new() { HasText = question }).WaitForAsync(new() { Timeout = 10_000 });
        Assert.True(answered.Elapsed <= Live, $"The answered mark took {answered.ElapsedMilliseconds} ms to reach the asker, more than {Live.TotalSeconds} s");
    }
}

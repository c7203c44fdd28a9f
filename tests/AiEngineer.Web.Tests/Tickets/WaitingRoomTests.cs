using System.Net;
using System.Text.Json;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Tickets;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiEngineer.Web.Tests.Tickets;

/// <summary>
/// The on-sale waiting room through the real pages: places in arrival order, admission at the room's pace on the site's
/// fake clock, the pass a checkout needs (refused when missing, forged, from another browser, run out or used), the
/// organizer's switch, the automatic switch, and two app instances sharing one line.
/// </summary>
public class WaitingRoomTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>, IAsyncLifetime
{
    private SiteFactory Site => fixture.Site;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Each test leaves the room off and the line empty for the next.</summary>
    public async Task DisposeAsync()
    {
        await Site.WithDbAsync(async db =>
        {
            await db.QueueEntries.ExecuteDeleteAsync();
            await db.WaitingRooms.ExecuteDeleteAsync();
        });
        await Site.Services.GetRequiredService<WaitingRoomStore>().ReloadAsync();
    }

    /// <summary>The room on at <paramref name="perMinute"/>, admission counted from now (as the organizer's switch does).</summary>
    private async Task TurnOnAsync(int perMinute = 60, int passMinutes = 10, SiteFactory? site = null)
    {
        site ??= Site;
        var now = site.Time.GetUtcNow().UtcDateTime;
        await site.WithDbAsync(async db =>
        {
            await db.WaitingRooms.ExecuteDeleteAsync();
            db.WaitingRooms.Add(new WaitingRoom { Enabled = true, AdmitPerMinute = perMinute, PassMinutes = passMinutes, AdmitClock = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        });
        await site.Services.GetRequiredService<WaitingRoomStore>().ReloadAsync();
    }

    /// <summary>A browser whose cookies the test can read and change (the place cookie above all).</summary>
    private sealed class Browser
    {
        public required HttpClient Client { get; init; }
        public required CookieJar Jar { get; init; }
        public string? Place { get => Jar.Get(WaitingRoomGate.CookieName); set => Jar.Set(WaitingRoomGate.CookieName, value); }
    }

    private static Browser Open(SiteFactory site, string userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Test")
    {
        var jar = new CookieJar();
        var client = site.CreateDefaultClient(jar);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return new Browser { Client = client, Jar = jar };
    }

    /// <summary>Joins the line (or reads it): GET /tickets/queue, and the JSON status after.</summary>
    private static async Task<JsonElement> StatusAsync(Browser b)
    {
        var response = await b.Client.GetAsync("/tickets/queue?handler=Status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> JoinAsync(Browser b) => await b.Client.GetAsync("/tickets/queue?returnUrl=%2Ftickets");

    private static bool Admitted(JsonElement status) => status.TryGetProperty("admitted", out var a) && a.GetBoolean();

    private Task<int> OrdersByAsync(string email) => Site.WithDbAsync(db => db.Orders.CountAsync(o => o.BuyerEmail == email));

    [Fact]
    public async Task With_the_room_on_the_catalog_and_checkout_send_a_buyer_without_a_pass_to_the_line_and_a_checkout_post_sells_nothing()
    {
        var typeId = await fixture.AddTypeAsync("Queue guard pass", 0, 5);
        await TurnOnAsync();
        var b = Open(Site);

        var catalog = await b.Client.GetAsync("/tickets");
        Assert.Equal(HttpStatusCode.Found, catalog.StatusCode);
        Assert.Equal("/tickets/queue?returnUrl=%2Ftickets", catalog.Headers.Location!.ToString());
        var checkout = await b.Client.GetAsync($"/tickets/checkout?qty[{typeId}]=1");
        Assert.Equal(HttpStatusCode.Found, checkout.StatusCode);
        Assert.StartsWith("/tickets/queue?returnUrl=%2Ftickets%2Fcheckout", checkout.Headers.Location!.ToString());

        // A checkout form posted straight (the token from any form of the site): refused, nothing sold.
        var token = HttpClientFormExtensions.AntiforgeryToken(await b.Client.GetStringAsync("/Identity/Account/Login"));
        var post = await b.Client.PostAsync("/tickets/checkout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.IdempotencyKey"] = Guid.NewGuid().ToString(), ["Input.BuyerName"] = "Skipper",
            ["Input.BuyerEmail"] = "skipper@example.com", ["Input.Method"] = "Free", ["Input.Attendees[0].TicketTypeId"] = typeId.ToString(),
            ["Input.Attendees[0].Name"] = "Skipper", ["Input.Attendees[0].Email"] = "skipper@example.com",
        }));
        Assert.Equal(HttpStatusCode.SeeOther, post.StatusCode);
        Assert.StartsWith("/tickets/queue", post.Headers.Location!.ToString());
        Assert.Equal(0, await OrdersByAsync("skipper@example.com"));
        Assert.Equal(0, (await fixture.TypeAsync("Queue guard pass")).Taken);

        // The line's page: a place, its position and wait, a refresh without script (first in line at one a second: the
        // shortest, 5 s), the script that updates it.
        var page = WebUtility.HtmlDecode(await (await JoinAsync(b)).Content.ReadAsStringAsync());
        Assert.Contains("You're in line for tickets", page);
        Assert.Contains("data-queue-position", page);
        Assert.Contains("<noscript><meta http-equiv=\"refresh\" content=\"5\" /></noscript>", page);
        Assert.Contains("/js/queue.js", page);
        Assert.NotNull(b.Place);
    }

    [Fact]
    public async Task Buyers_are_admitted_in_arrival_order_at_the_rooms_pace_and_the_first_admitted_buys()
    {
        var typeId = await fixture.AddTypeAsync("Queue order pass", 0, 5);
        await TurnOnAsync(perMinute: 60); // one a second
        var (first, second, third) = (Open(Site), Open(Site), Open(Site));
        foreach (var b in new[] { first, second, third }) Assert.Equal(HttpStatusCode.OK, (await JoinAsync(b)).StatusCode);

        // No time has passed: nobody is in yet, and each knows their place and wait.
        var s3 = await StatusAsync(third);
        Assert.False(Admitted(s3));
        Assert.Equal(3, s3.GetProperty("position").GetInt32());
        Assert.Equal(3, s3.GetProperty("waitSeconds").GetInt32());

        // One second pays for one admission: the first to arrive, though the third asked.
        Site.Time.Advance(TimeSpan.FromSeconds(1));
        s3 = await StatusAsync(third);
        Assert.Equal(2, s3.GetProperty("position").GetInt32());
        Assert.True(Admitted(await StatusAsync(first)));
        Assert.False(Admitted(await StatusAsync(second)));

        Site.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await StatusAsync(third)).GetProperty("position").GetInt32());
        Assert.True(Admitted(await StatusAsync(second)));

        // The admitted buyer's page sends them on; the catalog and checkout open for them only.
        var onward = await JoinAsync(first);
        Assert.Equal(HttpStatusCode.Redirect, onward.StatusCode);
        Assert.Equal("/tickets", onward.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await third.Client.GetAsync("/tickets")).StatusCode);
        var bought = await TicketsFixture.CheckoutAsync(first.Client, new() { [typeId] = 1 }, "first.in.line@example.com", method: "Free");
        TicketsFixture.CodeFrom(bought);
        var entries = await Site.WithDbAsync(db => db.QueueEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([true, true, false], entries.Select(e => e.AdmittedAt is not null));
        Assert.True(entries[0].AdmittedAt < entries[1].AdmittedAt);
        Assert.NotNull(entries[0].UsedAt);
    }

    [Fact]
    public async Task A_tampered_or_forged_place_or_one_from_another_browser_is_refused_and_gets_a_new_place_at_the_end()
    {
        await TurnOnAsync(perMinute: 60);
        var b = Open(Site);
        await JoinAsync(b);
        var genuine = b.Place!;
        Site.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(Admitted(await StatusAsync(b)));
        Assert.Equal(HttpStatusCode.OK, (await b.Client.GetAsync("/tickets")).StatusCode);

        // One character changed: the signature fails.
        b.Place = genuine[..^3] + (genuine[^3] == 'A' ? 'B' : 'A') + genuine[^2..];
        Assert.Equal(HttpStatusCode.Found, (await b.Client.GetAsync("/tickets")).StatusCode);
        var page = WebUtility.HtmlDecode(await (await JoinAsync(b)).Content.ReadAsStringAsync());
        Assert.Contains("Your place in line could not be read on this browser, so you have a new one.", page);
        Assert.NotEqual(genuine, b.Place);

        // Made up from nothing, and the genuine cookie copied into another browser.
        b.Place = "not-a-place";
        Assert.Equal(HttpStatusCode.Found, (await b.Client.GetAsync("/tickets")).StatusCode);
        var other = Open(Site, userAgent: "Mozilla/5.0 (Macintosh) Safari/605 Other");
        other.Place = genuine;
        Assert.Equal(HttpStatusCode.Found, (await other.Client.GetAsync("/tickets")).StatusCode);
        Assert.Contains("could not be read on this browser", WebUtility.HtmlDecode(await (await JoinAsync(other)).Content.ReadAsStringAsync()));
        // The genuine place still works in its own browser.
        b.Place = genuine;
        Assert.Equal(HttpStatusCode.OK, (await b.Client.GetAsync("/tickets")).StatusCode);
        Assert.Equal(3, await Site.WithDbAsync(db => db.QueueEntries.CountAsync()));
    }

    [Fact]
    public async Task A_pass_buys_one_order_runs_out_and_the_place_cookie_itself_expires()
    {
        var typeId = await fixture.AddTypeAsync("Queue pass rules", 0, 10, t => t.MaxPerOrder = 1);
        await TurnOnAsync(perMinute: 60, passMinutes: 5);
        var b = Open(Site);
        await JoinAsync(b);
        Site.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(Admitted(await StatusAsync(b)));

        // Two forms opened while the pass runs; the first buys, posting it again is the same order, the second is refused.
        Dictionary<string, string>? firstForm = null, secondForm = null;
        await TicketsFixture.CheckoutAsync(b.Client, new() { [typeId] = 1 }, "pass.once@example.com", method: "Free",
            tamper: f => { firstForm = new(f); f.Remove("__RequestVerificationToken"); });
        await TicketsFixture.CheckoutAsync(b.Client, new() { [typeId] = 1 }, "pass.twice@example.com", method: "Free",
            tamper: f => { secondForm = new(f); f.Remove("__RequestVerificationToken"); });
        Assert.Equal(0, await OrdersByAsync("pass.once@example.com")); // those posts lacked their tokens
        var bought = await b.Client.PostAsync("/tickets/checkout", new FormUrlEncodedContent(firstForm!));
        var code = TicketsFixture.CodeFrom(bought);
        Assert.Equal(code, TicketsFixture.CodeFrom(await b.Client.PostAsync("/tickets/checkout", new FormUrlEncodedContent(firstForm!))));
        var refused = await TicketsFixture.ErrorsOf(await b.Client.PostAsync("/tickets/checkout", new FormUrlEncodedContent(secondForm!)));
        Assert.Contains("your pass has already bought an order", refused);
        Assert.Equal(1, await OrdersByAsync("pass.once@example.com"));
        Assert.Equal(0, await OrdersByAsync("pass.twice@example.com"));
        Assert.Equal(1, (await fixture.TypeAsync("Queue pass rules")).Taken);
        // The catalog again: a used pass means a new place in line.
        Assert.Equal(HttpStatusCode.Found, (await b.Client.GetAsync("/tickets")).StatusCode);
        Assert.Contains("Your pass has bought its order", WebUtility.HtmlDecode(await (await JoinAsync(b)).Content.ReadAsStringAsync()));

        // A pass that runs out before its order: the form is refused, and the line starts again.
        var late = Open(Site);
        await JoinAsync(late);
        Site.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(Admitted(await StatusAsync(late)));
        Dictionary<string, string>? lateForm = null;
        await TicketsFixture.CheckoutAsync(late.Client, new() { [typeId] = 1 }, "too.late@example.com", method: "Free",
            tamper: f => { lateForm = new(f); f.Remove("__RequestVerificationToken"); });
        Site.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Contains("Your turn to buy has ended", await TicketsFixture.ErrorsOf(await late.Client.PostAsync("/tickets/checkout", new FormUrlEncodedContent(lateForm!))));
        Assert.Equal(0, await OrdersByAsync("too.late@example.com"));
        Assert.Contains("Your turn to buy ran out", WebUtility.HtmlDecode(await (await JoinAsync(late)).Content.ReadAsStringAsync()));

        // A place cookie older than its lifetime is refused even while still waiting.
        var sleeper = Open(Site);
        await JoinAsync(sleeper);
        var place = sleeper.Place;
        Site.Time.Advance(WaitingRoomGate.CookieLifetime);
        Assert.Contains("Your turn to buy ran out", WebUtility.HtmlDecode(await (await JoinAsync(sleeper)).Content.ReadAsStringAsync()));
        Assert.NotEqual(place, sleeper.Place);
    }

    [Fact]
    public async Task The_organizer_turns_the_room_on_and_off_under_admin_tickets_and_bad_settings_change_nothing()
    {
        await Site.CreateUserAsync("queue.boss@tickets.example.com", Roles.Organizer);
        var organizer = await Site.SignedInClientAsync("queue.boss@tickets.example.com");
        var form = new Dictionary<string, string>
        {
            ["Input.Enabled"] = "true", ["Input.AdmitPerMinute"] = "0", ["Input.PassMinutes"] = "10", ["Input.AutoQueueThreshold"] = "0",
        };
        var bad = await organizer.PostFormAsync("/admin/tickets?handler=WaitingRoom", form, "/admin/tickets");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Nothing was saved.", html);
        Assert.Contains("Admissions per minute must be between 1 and 100,000.", html);
        Assert.False(await Site.WithDbAsync(db => db.WaitingRooms.AnyAsync()));
        Assert.Equal(HttpStatusCode.OK, (await Open(Site).Client.GetAsync("/tickets")).StatusCode);

        form["Input.AdmitPerMinute"] = "300";
        var on = await organizer.PostFormAsync("/admin/tickets?handler=WaitingRoom", form, "/admin/tickets");
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        var room = await Site.WithDbAsync(db => db.WaitingRooms.AsNoTracking().SingleAsync());
        Assert.True(room.Enabled);
        Assert.Equal(300, room.AdmitPerMinute);
        Assert.Equal(Site.Time.GetUtcNow().UtcDateTime, room.AdmitClock, TimeSpan.FromSeconds(1));
        Assert.Contains("The waiting room is on.", WebUtility.HtmlDecode(await organizer.GetStringAsync("/admin/tickets")));
        Assert.Equal(HttpStatusCode.Found, (await Open(Site).Client.GetAsync("/tickets")).StatusCode);
        // Organizer changes are audited like every other.
        Assert.True(await Site.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(WaitingRoom))));

        form.Remove("Input.Enabled");
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync("/admin/tickets?handler=WaitingRoom", form, "/admin/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Open(Site).Client.GetAsync("/tickets")).StatusCode);

        // Not for buyers: the admin folder is organizers only.
        var stranger = Site.CreateBrowserlikeClient();
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync("/admin/tickets")).StatusCode);
    }

    [Fact]
    public async Task A_long_request_queue_turns_the_room_on_by_itself_for_every_instance_and_a_short_one_does_not()
    {
        var now = Site.Time.GetUtcNow().UtcDateTime;
        await Site.WithDbAsync(async db =>
        {
            db.WaitingRooms.Add(new WaitingRoom { AutoQueueThreshold = 50, AdmitClock = now.AddHours(-1), UpdatedAt = now });
            await db.SaveChangesAsync();
        });
        var store = Site.Services.GetRequiredService<WaitingRoomStore>();
        await store.ReloadAsync();
        var trigger = Site.Services.GetRequiredService<WaitingRoomTrigger>();

        trigger.Observe(49);
        await Task.Delay(300);
        Assert.Null((await Site.WithDbAsync(db => db.WaitingRooms.AsNoTracking().SingleAsync())).AutoOnUntil);

        trigger.Observe(120);
        WaitingRoom room = null!;
        for (var i = 0; i < 50 && room?.AutoOnUntil is null; i++)
        {
            await Task.Delay(100);
            room = await Site.WithDbAsync(db => db.WaitingRooms.AsNoTracking().SingleAsync());
        }
        Assert.Equal(now + WaitingRoom.AutoHold, room.AutoOnUntil!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(now, room.AdmitClock, TimeSpan.FromSeconds(1)); // admission counted from the switch, nothing banked
        Assert.True((await store.GetAsync()).IsAutoOnAt(now));
        Assert.Equal(HttpStatusCode.Found, (await Open(Site).Client.GetAsync("/tickets")).StatusCode);

        // It goes off by itself once the hold has passed.
        Site.Time.Advance(WaitingRoom.AutoHold + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await Open(Site).Client.GetAsync("/tickets")).StatusCode);
    }

    [Fact]
    public async Task Places_older_than_their_cookies_are_swept_and_newer_ones_stay()
    {
        var now = Site.Time.GetUtcNow().UtcDateTime;
        var old = new QueueEntry { SecretHash = new byte[32], JoinedAt = now - WaitingRoomGate.CookieLifetime - TimeSpan.FromHours(2), LastSeenAt = now.AddDays(-1) };
        var recent = new QueueEntry { SecretHash = new byte[32], JoinedAt = now - WaitingRoomGate.CookieLifetime, LastSeenAt = now };
        await Site.WithDbAsync(async db =>
        {
            db.QueueEntries.AddRange(old, recent);
            await db.SaveChangesAsync();
        });
        // The hold-expiry worker (every 0.2 s in these tests) sweeps them.
        for (var i = 0; i < 50 && await Site.WithDbAsync(db => db.QueueEntries.AnyAsync(e => e.Id == old.Id)); i++) await Task.Delay(100);
        Assert.Equal([recent.Id], await Site.WithDbAsync(db => db.QueueEntries.Select(e => e.Id).ToListAsync()));
    }

    [Fact]
    public async Task Two_instances_share_one_line_and_a_pass_from_one_buys_on_the_other()
    {
        var typeId = await fixture.AddTypeAsync("Queue two hosts", 0, 5);
        await using var other = new SiteFactory(fixture.Database, fixture.Smtp);
        other.Time.SetUtcNow(Site.Time.GetUtcNow());
        _ = other.Services;
        await TurnOnAsync(perMinute: 60);
        await other.Services.GetRequiredService<WaitingRoomStore>().ReloadAsync();

        var onA = Open(Site);
        var onB = Open(other);
        await JoinAsync(onA);
        await JoinAsync(onB);
        Assert.Equal(2, (await StatusAsync(onB)).GetProperty("position").GetInt32());

        // B's clock pays for one admission, and B admits the first to arrive, who joined on A.
        other.Time.Advance(TimeSpan.FromSeconds(1));
        Site.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await StatusAsync(onB)).GetProperty("position").GetInt32());
        // A sees the same: its buyer is in, and nobody is admitted twice for the same second.
        Assert.True(Admitted(await StatusAsync(onA)));
        Assert.False(Admitted(await StatusAsync(onB)));
        Assert.Equal(1, await Site.WithDbAsync(db => db.QueueEntries.CountAsync(e => e.AdmittedAt != null)));

        // The place cookie from A is good on B (one key ring in the database): the pass buys there.
        var travelled = Open(other);
        travelled.Place = onA.Place;
        foreach (var (name, value) in onA.Jar.All()) travelled.Jar.Set(name, value);
        var bought = await TicketsFixture.CheckoutAsync(travelled.Client, new() { [typeId] = 1 }, "two.hosts@example.com", method: "Free");
        TicketsFixture.CodeFrom(bought);
        Assert.Equal(1, await OrdersByAsync("two.hosts@example.com"));
    }
}

/// <summary>A cookie jar a test can read and write: name → value for every cookie the site set, sent back on each request.</summary>
public sealed class CookieJar : DelegatingHandler
{
    private readonly Dictionary<string, string> _cookies = new();

    public string? Get(string name) { lock (_cookies) return _cookies.GetValueOrDefault(name); }

    public void Set(string name, string? value)
    {
        lock (_cookies)
        {
            if (value is null) _cookies.Remove(name);
            else _cookies[name] = value;
        }
    }

    public IReadOnlyList<(string Name, string Value)> All() { lock (_cookies) return _cookies.Select(kv => (kv.Key, kv.Value)).ToList(); }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        lock (_cookies)
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(kv => $"{kv.Key}={kv.Value}")));
        var response = await base.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var header in set)
            {
                var pair = header.Split(';', 2)[0];
                var at = pair.IndexOf('=');
                if (at <= 0) continue;
                var (name, value) = (pair[..at].Trim(), pair[(at + 1)..].Trim());
                var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || value.Length == 0;
                Set(name, expired ? null : value);
            }
        return response;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Performance;

/// <summary>
/// PostgreSQL goes down in the middle of a ticket rush and comes back. During the outage every request that needs the database answers a quick
/// 503 page (no hang, no stack trace); afterwards the same app instance serves and sells again, its background workers
/// still run, and the database holds no half-written order. Runs on a PostgreSQL server of its own (the shared one
/// serves the other test classes meanwhile).
/// </summary>
public partial class PostgresRestartTests : IAsyncLifetime
{
    private const int FreeCapacity = 200;
    private const int InvoiceCapacity = 100;

    private PrivatePostgres? _postgres;
    private SmtpSink _smtp = null!;
    private SiteFactory _site = null!;
    private int _freeType, _invoiceType;

    public async Task InitializeAsync()
    {
        _smtp = new SmtpSink();
        if (PrivatePostgres.FindBinaries() is not { } bin)
        {
            // Like the other PostgreSQL-only checks: without a server the test has nothing to run on, unless CI demands one.
            Assert.False(TestDatabase.RequirePostgres, "AIE_REQUIRE_POSTGRES=1 but no PostgreSQL binaries under /usr/lib/postgresql/*/bin");
            return;
        }
        _postgres = await PrivatePostgres.StartAsync(bin);
        _site = new SiteFactory(TestDatabase.OnServer(_postgres.ConnectionString), _smtp);
        _site.Settings["Tickets:ExpirySweepSeconds"] = "0.2";
        _ = _site.Services; // migrates
        await _site.WithDbAsync(async db =>
        {
            db.Conferences.Add(DemoSeeder.BuildConference(_site.Time.GetUtcNow().UtcDateTime));
            var free = new TicketType { Name = "Restart free", Kind = TicketKind.Remote, PriceMinor = 0, Capacity = FreeCapacity, MaxPerOrder = 2 };
            var invoice = new TicketType { Name = "Restart invoice", Kind = TicketKind.InPerson, PriceMinor = 10_000, Capacity = InvoiceCapacity, MaxPerOrder = 2 };
            db.TicketTypes.AddRange(free, invoice);
            await db.SaveChangesAsync();
            (_freeType, _invoiceType) = (free.Id, invoice.Id);
        });
    }

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _site.DisposeAsync();
            await _postgres.DisposeAsync();
        }
        await _smtp.DisposeAsync();
    }

    private sealed record Attempt(string What, DateTime Started, TimeSpan Took, HttpStatusCode Status, string Body, string? RetryAfter, string? Location);

    [Fact]
    public async Task During_an_outage_requests_answer_a_quick_503_and_afterwards_the_site_sells_again_with_no_half_written_order()
    {
        if (_postgres is null) return; // no PostgreSQL here and none required (see InitializeAsync)
        var attempts = new ConcurrentBag<Attempt>();
        var placed = new ConcurrentBag<(string Code, string Email)>();
        using var stopBuyers = new CancellationTokenSource();

        // Eight buyers in a loop through the real form: free orders (paid at once, confirmation in the outbox) and
        // invoice orders (pending, seats held), one or two tickets each.
        var buyers = Enumerable.Range(0, 8).Select(b => Task.Run(async () =>
        {
            for (var n = 0; !stopBuyers.IsCancellationRequested; n++)
            {
                var email = $"buyer{b}-{n}@example.com";
                var invoice = n % 3 == 2;
                var qty = new Dictionary<int, int> { [invoice ? _invoiceType : _freeType] = 1 + (n + b) % 2 };
                var (_, code) = await BuyAsync(_site.CreateBrowserlikeClient(), qty, email, invoice ? "Invoice" : "Free", attempts);
                if (code is not null) placed.Add((code, email));
                else await Task.Delay(50); // a person reads the page before trying again
            }
        })).ToList();

        await WaitUntilAsync(() => placed.Count >= 8, 60, "orders before the outage");
        // Forms fetched while the database is up, posted while it is down: the order POST itself must fail cleanly.
        var readyForms = new List<(HttpClient Client, Dictionary<string, string> Fields)>();
        for (var i = 0; i < 4; i++)
        {
            var client = _site.CreateBrowserlikeClient();
            readyForms.Add((client, await FormAsync(client, new() { [_freeType] = 1 }, $"late{i}@example.com", "Free")));
        }

        // The crash: every connection is cut mid-transaction, nothing is shut down politely.
        await _postgres.StopAsync("immediate");
        var down = DateTime.UtcNow;
        var outage = new List<Attempt>();
        foreach (var (client, fields) in readyForms)
            outage.Add(await TimedAsync("POST prepared form", () => client.PostAsync("/tickets/checkout", new FormUrlEncodedContent(fields))));
        var anonymous = _site.CreateBrowserlikeClient();
        foreach (var path in new[] { "/", "/tickets", "/schedule", $"/tickets/checkout?qty[{_freeType}]=1", "/healthz/ready" })
            outage.Add(await TimedAsync("GET " + path, () => anonymous.GetAsync(path)));
        var liveness = await anonymous.GetAsync("/healthz");
        await Task.Delay(TimeSpan.FromSeconds(3)); // the buyers keep coming meanwhile
        var up = DateTime.UtcNow;
        await _postgres.StartAsync();
        await stopBuyers.CancelAsync();
        await Task.WhenAll(buyers);
        outage.AddRange(attempts.Where(a => a.Started >= down && a.Started + a.Took <= up));

        // During the outage: a quick 503 with Retry-After and the friendly page; nothing leaks.
        Assert.Equal(HttpStatusCode.OK, liveness.StatusCode); // the process lives: /healthz is liveness, not the database
        Assert.True(outage.Count >= 10, $"only {outage.Count} requests during the outage");
        Assert.True(outage.Count(a => a.What.StartsWith("POST", StringComparison.Ordinal)) >= 4, "too few orders posted during the outage");
        foreach (var a in outage)
        {
            // The checkout form needs no database (the ticket types are a shared copy, TicketTypeStore): it may still be
            // shown, whole; the order it posts is what waits for the database.
            if (a.What is "GET checkout" || a.What.StartsWith("GET /tickets/checkout", StringComparison.Ordinal))
            {
                Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{a.What} answered {(int)a.Status} during the outage");
                if (a.Status == HttpStatusCode.OK) Assert.Contains("__RequestVerificationToken", a.Body);
                continue;
            }
            Assert.True(a.Status == HttpStatusCode.ServiceUnavailable, $"{a.What} answered {(int)a.Status} during the outage: {Excerpt(a.Body)}");
            Assert.True(a.Took < TimeSpan.FromSeconds(5), $"{a.What} took {a.Took.TotalSeconds:0.0} s during the outage");
            if (a.What == "GET /healthz/ready") continue; // the readiness probe says Unhealthy in JSON
            Assert.NotNull(a.RetryAfter);
            Assert.Contains("Temporarily unavailable", a.Body);
        }
        // Whatever was cut mid-flight at the crash also ended in an answer a person can read.
        foreach (var a in attempts.Concat(outage))
        {
            Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.ServiceUnavailable, $"{a.What} answered {(int)a.Status}: {Excerpt(a.Body)}");
            Assert.DoesNotMatch(StackTrace(), a.Body);
        }

        // Recovery without restarting the app: ready again, pages and sales work.
        await WaitUntilAsync(async () => (await anonymous.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK, 30, "/healthz/ready after the restart");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/")).StatusCode);
        for (var i = 0; i < 3; i++)
        {
            var after = new ConcurrentBag<Attempt>();
            var (status, code) = await BuyAsync(_site.CreateBrowserlikeClient(), new() { [_freeType] = 1 }, $"after{i}@example.com", "Free", after);
            Assert.True(code is not null, $"checkout after the restart answered {(int)status}: {Excerpt(after.Last().Body)}");
            placed.Add((code!, $"after{i}@example.com"));
        }

        // The outbox worker lived through it: every paid order's confirmation arrives. A message it had just claimed when
        // the server died stays leased to it until the lease runs out (its recovery by design): move the clock past that.
        _site.Time.Advance(TimeSpan.FromMinutes(3));
        var paidBuyers = await _site.WithDbAsync(db => db.Orders.Where(o => o.Status == OrderStatus.Paid).Select(o => o.BuyerEmail).ToListAsync());
        foreach (var email in paidBuyers) await _smtp.WaitForAsync(email, timeoutSeconds: 30);
        // So did the expiry sweeper: past the invoice deadline every pending order expires and gives its seats back.
        _site.Time.Advance(TimeSpan.FromDays(15));
        await WaitUntilAsync(() => _site.WithDbAsync(async db => !await db.Orders.AnyAsync(o => o.Status == OrderStatus.Pending)), 30, "pending orders to expire");

        // Checkouts cut by the crash after taking their seats (PostgreSQL takes them before writing the order) could not
        // give them back while the server was down; the sweeper's reconciliation does, once their sessions are gone.
        await WaitUntilAsync(() => _site.WithDbAsync(async db => await db.TicketTypes.AllAsync(t =>
            t.Taken == db.Tickets.Count(k => k.TicketTypeId == t.Id && k.Order.SeatsHeld))), 30, "seat counters to match the orders");
        await AssertNoHalfWrittenOrdersAsync(placed.ToList());
    }

    /// <summary>
    /// An order is whole when it has its tickets, its "created" event and (paid or invoiced) its email, and when the seat
    /// counters agree with the tickets of the orders that hold seats. Every order a buyer was told about exists.
    /// </summary>
    private async Task AssertNoHalfWrittenOrdersAsync(List<(string Code, string Email)> placed)
    {
        await _site.WithDbAsync(async db =>
        {
            var orders = await db.Orders.AsNoTracking().Include(o => o.Tickets).Include(o => o.Events).ToListAsync();
            var emails = await db.OutboundEmails.AsNoTracking().Select(e => new { e.ToAddress, e.Kind }).ToListAsync();
            Assert.NotEmpty(orders);
            foreach (var o in orders)
            {
                Assert.True(o.Tickets.Count is 1 or 2, $"order {o.Code} has {o.Tickets.Count} tickets");
                Assert.Contains(o.Events, e => e.Kind == "created");
                var kind = o.PaymentMethod == PaymentMethod.Invoice ? "tickets.invoice" : "tickets.confirmation";
                Assert.Single(emails, e => e.ToAddress == o.BuyerEmail && e.Kind == kind);
                if (o.PaymentMethod == PaymentMethod.Free) Assert.Equal(OrderStatus.Paid, o.Status);
                else Assert.Equal(OrderStatus.Expired, o.Status);
                Assert.Equal(o.Status == OrderStatus.Paid, o.SeatsHeld);
            }
            foreach (var (code, email) in placed)
                Assert.Contains(orders, o => o.Code == code && o.BuyerEmail == email);

            foreach (var type in await db.TicketTypes.AsNoTracking().Where(t => t.Id == _freeType || t.Id == _invoiceType).ToListAsync())
            {
                var held = orders.Where(o => o.SeatsHeld).SelectMany(o => o.Tickets).Count(t => t.TicketTypeId == type.Id);
                Assert.Equal(held, type.Taken);
                Assert.Equal(0, type.Reserved);
                Assert.True(type.Taken <= type.Capacity);
            }
        });
    }

    private async Task<(HttpStatusCode Status, string? Code)> BuyAsync(HttpClient client, Dictionary<int, int> quantities, string email, string method, ConcurrentBag<Attempt> log)
    {
        var query = string.Join("&", quantities.Select(kv => $"qty[{kv.Key}]={kv.Value}"));
        var form = await TimedAsync("GET checkout", () => client.GetAsync("/tickets/checkout?" + query));
        log.Add(form);
        if (form.Status != HttpStatusCode.OK) return (form.Status, null);
        var fields = Fields(form.Body, quantities, email, method);
        var post = await TimedAsync("POST checkout", () => client.PostAsync("/tickets/checkout", new FormUrlEncodedContent(fields)));
        log.Add(post);
        var code = post.Status == HttpStatusCode.Redirect && post.Location is { } l && OrderCode().Match(l) is { Success: true } m ? m.Groups[1].Value : null;
        return (post.Status, code);
    }

    private static async Task<Dictionary<string, string>> FormAsync(HttpClient client, Dictionary<int, int> quantities, string email, string method)
    {
        var query = string.Join("&", quantities.Select(kv => $"qty[{kv.Key}]={kv.Value}"));
        return Fields(await client.GetStringAsync("/tickets/checkout?" + query), quantities, email, method);
    }

    private static Dictionary<string, string> Fields(string html, Dictionary<int, int> quantities, string email, string method)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpClientFormExtensions.AntiforgeryToken(html),
            ["Input.IdempotencyKey"] = KeyRegex().Match(html).Groups[1].Value,
            ["Input.BuyerName"] = "Buyer " + email.Split('@')[0],
            ["Input.BuyerEmail"] = email,
            ["Input.Method"] = method,
            ["Input.InvoiceAddress"] = "1 Main Street, Springfield",
        };
        var i = 0;
        foreach (var (typeId, count) in quantities)
            for (var n = 0; n < count; n++, i++)
            {
                fields[$"Input.Attendees[{i}].TicketTypeId"] = typeId.ToString();
                fields[$"Input.Attendees[{i}].Name"] = $"Attendee {i}";
                fields[$"Input.Attendees[{i}].Email"] = $"attendee{i}.{email}";
            }
        return fields;
    }

    private static async Task<Attempt> TimedAsync(string what, Func<Task<HttpResponseMessage>> send)
    {
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        using var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        return new Attempt(what, started, clock.Elapsed, response.StatusCode, body,
            response.Headers.RetryAfter?.ToString(), response.Headers.Location?.ToString());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {seconds} s waiting for {what}");
            await Task.Delay(100);
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition, int seconds, string what) => WaitUntilAsync(() => Task.FromResult(condition()), seconds, what);

    private static string Excerpt(string body) => body.Length > 400 ? body[..400] : body;

    [GeneratedRegex("name=\"Input.IdempotencyKey\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex KeyRegex();

    [GeneratedRegex("^/orders/([A-Z0-9]+)")]
    private static partial Regex OrderCode();

    /// <summary>What leaked exception text looks like: a .NET stack frame or an exception type name.</summary>
    [GeneratedRegex(@"\bat [A-Za-z_.]+\(|[A-Za-z]+Exception\b|Npgsql")]
    private static partial Regex StackTrace();
}

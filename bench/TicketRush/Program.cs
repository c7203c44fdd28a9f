using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

// The ticket rush, each buyer through the real checkout: GET the form (antiforgery cookie and token, idempotency key),
// then POST the order. Modes:
//   closed (default): N buyers, C at a time, each starting when the last answer came back.
//     TicketRush --url http://127.0.0.1:5080 --type 7 [--buyers 5000] [--concurrency 200] [--method Free|Invoice]
//   open: buyers arrive at fixed offered rates (Poisson), one step per rate, each step on its own type; latency is timed
//     from each buyer's scheduled start, so a stall cannot hide behind buyers who were never sent (coordinated omission).
//     TicketRush --mode open --rates 100,200,300 --types 11,12,13 [--step-seconds 10] [--floor] [--cert tls.crt]
//   queue: buyers arrive at --rate for --seconds while the waiting room is on; each takes a place, asks for it at
//     queue.js's pace until admitted, then buys. Prints the outcome and the client's view of the wait.
//     TicketRush --mode queue --rate 900 --seconds 5 --type 40
//   fairness: reads "id,joined_ms,admitted_ms" lines (the QueueEntries rows, admitted_ms empty when never admitted) and
//     prints Kendall's tau-b between arrival and admission, the share admitted out of order and the wait percentiles.
//     TicketRush --mode fairness --csv entries.csv
var options = Args.Parse(args);
if (options.Mode == "fairness") return Fairness.Run(options.Get("csv", null));
var handler = new SocketsHttpHandler
{
    UseCookies = false, // each buyer carries its own cookies by hand: one connection pool, many visitors
    AllowAutoRedirect = false,
    MaxConnectionsPerServer = options.Mode == "closed" ? options.Concurrency : 4000,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
};
// Through nginx (bench/cluster.sh): https with the cluster's self-signed certificate, trusted by its thumbprint only.
if (options.Has("cert"))
{
    var trusted = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(options.Get("cert", null)).Thumbprint;
    handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == trusted;
}
using var http = new HttpClient(handler) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(60) };
// As a TLS-terminating proxy would say: the app sets Secure cookies in Production and antiforgery wants https.
http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
if (options.Mode == "open") return await OpenLoop.RunAsync(http, options);
if (options.Mode == "queue") return await Queue.RunAsync(http, options);

var results = new BuyerResult[options.Buyers];
var next = -1;
var clock = Stopwatch.StartNew();
var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < options.Buyers)
        results[i] = await Buyer.RunAsync(http, options, i, clock);
})).ToArray();
await Task.WhenAll(workers);
var elapsed = clock.Elapsed;

var sold = results.Where(r => r.Outcome == Outcome.Ordered).ToList();
var lastOrderAt = sold.Count > 0 ? sold.Max(r => r.FinishedAt) : elapsed;
double Pct(IEnumerable<double> values, double p) => Stats.Pct(values, p);
var post = results.Select(r => r.PostMs).ToList();
var buyer = results.Select(r => r.GetMs + r.PostMs).ToList();
Console.WriteLine($"rush.buyers={options.Buyers}");
Console.WriteLine($"rush.concurrency={options.Concurrency}");
Console.WriteLine($"rush.elapsed_s={elapsed.TotalSeconds:F2}");
Console.WriteLine($"rush.ordered={sold.Count}");
Console.WriteLine($"rush.sold_out={results.Count(r => r.Outcome == Outcome.SoldOut)}");
Console.WriteLine($"rush.server_errors={results.Count(r => r.Outcome == Outcome.ServerError)}");
Console.WriteLine($"rush.other={results.Count(r => r.Outcome == Outcome.Other)}");
Console.WriteLine($"rush.orders_per_s={sold.Count / lastOrderAt.TotalSeconds:F0}");
Console.WriteLine($"rush.checkouts_per_s={options.Buyers / elapsed.TotalSeconds:F0}");
Console.WriteLine($"rush.post_p50_ms={Pct(post, 50):F1}");
Console.WriteLine($"rush.post_p99_ms={Pct(post, 99):F1}");
var orderPosts = sold.Select(r => r.PostMs).ToList();
Console.WriteLine($"rush.ordered_post_p50_ms={Pct(orderPosts, 50):F1}");
Console.WriteLine($"rush.ordered_post_p99_ms={Pct(orderPosts, 99):F1}");
Console.WriteLine($"rush.buyer_p50_ms={Pct(buyer, 50):F1}");
Console.WriteLine($"rush.buyer_p99_ms={Pct(buyer, 99):F1}");
foreach (var other in results.Where(r => r.Outcome is Outcome.Other or Outcome.ServerError).Select(r => r.Detail).Distinct().Take(5))
    Console.WriteLine($"rush.sample_problem={other}");
return results.Any(r => r.Outcome == Outcome.ServerError) ? 1 : 0;

enum Outcome { Ordered, SoldOut, ServerError, Other }

record struct BuyerResult(Outcome Outcome, double GetMs, double PostMs, TimeSpan FinishedAt, string Detail);

sealed record Args(string[] Raw, string Mode, string Url, int TypeId, int Buyers, int Concurrency, string Method)
{
    public string Get(string name, string? fallback) =>
        Raw.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault() ?? fallback ?? throw new ArgumentException($"--{name} is required");
    public bool Has(string name) => Raw.Contains("--" + name);

    public static Args Parse(string[] args)
    {
        var a = new Args(args, "", "", 0, 0, 0, "");
        var mode = a.Get("mode", "closed");
        return a with
        {
            Mode = mode, Url = a.Get("url", "http://127.0.0.1:5080"), TypeId = mode is "closed" or "queue" ? int.Parse(a.Get("type", null)) : 0,
            Buyers = int.Parse(a.Get("buyers", "5000")), Concurrency = int.Parse(a.Get("concurrency", "200")), Method = a.Get("method", "Free"),
        };
    }
}

static class Stats
{
    public static double Pct(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }

    /// <summary>Arrival times for <paramref name="seconds"/> at <paramref name="rate"/> a second: exponential gaps (a Poisson process), seeded so runs compare.</summary>
    public static List<double> Arrivals(double rate, double seconds, int seed)
    {
        var random = new Random(seed);
        var times = new List<double>();
        for (var t = -Math.Log(1 - random.NextDouble()) / rate; t < seconds; t += -Math.Log(1 - random.NextDouble()) / rate) times.Add(t);
        return times;
    }

    public static async Task UntilAsync(Stopwatch clock, double at)
    {
        var wait = at - clock.Elapsed.TotalSeconds;
        if (wait > 0.001) await Task.Delay(TimeSpan.FromSeconds(wait));
    }
}

/// <summary>The knee: one step per offered rate, each on fresh seats, with latency from the scheduled start.</summary>
static class OpenLoop
{
    public const double HeldP99Ms = 250;

    public static async Task<int> RunAsync(HttpClient http, Args options)
    {
        var rates = options.Get("rates", null).Split(',').Select(int.Parse).ToArray();
        var types = options.Get("types", null).Split(',').Select(int.Parse).ToArray();
        if (types.Length < rates.Length) throw new ArgumentException("--types needs one type per rate");
        var stepSeconds = double.Parse(options.Get("step-seconds", "10"), System.Globalization.CultureInfo.InvariantCulture);
        var floor = options.Has("floor");
        var label = floor ? "floor" : "app";
        var clock = Stopwatch.StartNew();
        var held = 0;
        var anyServerError = false;
        Console.WriteLine($"| {label}: offered/s | achieved orders/s | p50 ms | p99 ms | max ms | 5xx | other | held |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|:---:|");
        for (var s = 0; s < rates.Length; s++)
        {
            var arrivals = Stats.Arrivals(rates[s], stepSeconds, 1000 + rates[s]);
            var start = clock.Elapsed.TotalSeconds + 0.05;
            var step = options with { TypeId = types[s] };
            var results = await Task.WhenAll(arrivals.Select((at, i) => Task.Run(async () =>
            {
                await Stats.UntilAsync(clock, start + at);
                var r = await Buyer.RunAsync(http, step, s * 1_000_000 + i, clock, floor);
                return (Result: r, LatencyMs: (r.FinishedAt.TotalSeconds - (start + at)) * 1000);
            })));
            var ordered = results.Where(r => r.Result.Outcome == Outcome.Ordered).ToList();
            var span = ordered.Count > 0 ? ordered.Max(r => r.Result.FinishedAt.TotalSeconds) - start : stepSeconds;
            var latencies = results.Select(r => r.LatencyMs).ToList();
            var errors = results.Count(r => r.Result.Outcome == Outcome.ServerError);
            var other = results.Count(r => r.Result.Outcome is Outcome.Other or Outcome.SoldOut);
            var p99 = Stats.Pct(latencies, 99);
            var ok = p99 <= HeldP99Ms && errors == 0 && other == 0;
            if (ok && rates[s] > held) held = rates[s];
            anyServerError |= errors > 0;
            Console.WriteLine($"| {rates[s]} | {ordered.Count / span:F0} | {Stats.Pct(latencies, 50):F0} | {p99:F0} | {latencies.Max():F0} | {errors} | {other} | {(ok ? "yes" : "no")} |");
            foreach (var problem in results.Where(r => r.Result.Outcome is Outcome.Other or Outcome.ServerError).Select(r => r.Result.Detail).Distinct().Take(3))
                Console.WriteLine($"<!-- {label} {rates[s]}/s sample problem: {problem} -->");
            // A step far past the knee only queues more: stop once two in a row miss.
            if (s >= 1 && !ok && Stats.Pct(latencies, 50) > 4 * HeldP99Ms) break;
            await Task.Delay(TimeSpan.FromSeconds(2)); // the queue of the last step drains before the next
        }
        Console.WriteLine($"open.{label}.held_per_s={held}");
        return anyServerError ? 1 : 0;
    }
}

/// <summary>Buyers through the waiting room: a place, its status at queue.js's pace, admission, the checkout.</summary>
static partial class Queue
{
    public static async Task<int> RunAsync(HttpClient http, Args options)
    {
        var rate = double.Parse(options.Get("rate", null), System.Globalization.CultureInfo.InvariantCulture);
        var seconds = double.Parse(options.Get("seconds", "5"), System.Globalization.CultureInfo.InvariantCulture);
        var arrivals = Stats.Arrivals(rate, seconds, 7);
        var clock = Stopwatch.StartNew();
        var start = 0.05;
        var results = await Task.WhenAll(arrivals.Select((at, i) => Task.Run(async () =>
        {
            await Stats.UntilAsync(clock, start + at);
            return await BuyAsync(http, options, i, clock, start + at);
        })));
        var waits = results.Where(r => r.AdmittedAt > 0).Select(r => (r.AdmittedAt - r.ArrivedAt) * 1000).ToList();
        Console.WriteLine($"queue.arrivals={arrivals.Count}");
        Console.WriteLine($"queue.offered_per_s={rate:F0}");
        Console.WriteLine($"queue.admitted={waits.Count}");
        Console.WriteLine($"queue.ordered={results.Count(r => r.Outcome == Outcome.Ordered)}");
        Console.WriteLine($"queue.sold_out={results.Count(r => r.Outcome == Outcome.SoldOut)}");
        Console.WriteLine($"queue.server_errors={results.Count(r => r.Outcome == Outcome.ServerError) + results.Sum(r => r.ServerErrors)}");
        Console.WriteLine($"queue.other={results.Count(r => r.Outcome == Outcome.Other)}");
        Console.WriteLine($"queue.status_requests={results.Sum(r => r.Polls)}");
        Console.WriteLine($"queue.client_wait_p50_ms={Stats.Pct(waits, 50):F0}");
        Console.WriteLine($"queue.client_wait_p99_ms={Stats.Pct(waits, 99):F0}");
        Console.WriteLine($"queue.elapsed_s={clock.Elapsed.TotalSeconds:F1}");
        foreach (var problem in results.Where(r => r.Outcome is Outcome.Other or Outcome.ServerError).Select(r => r.Detail).Distinct().Take(5))
            Console.WriteLine($"queue.sample_problem={problem}");
        return results.Any(r => r.Outcome == Outcome.ServerError || r.ServerErrors > 0) ? 1 : 0;
    }

    private record struct QueueResult(Outcome Outcome, double ArrivedAt, double AdmittedAt, int Polls, int ServerErrors, string Detail);

    private static async Task<QueueResult> BuyAsync(HttpClient http, Args options, int n, Stopwatch clock, double arrivedAt)
    {
        var cookies = new Dictionary<string, string>();
        var polls = 0;
        var serverErrors = 0;
        try
        {
            // The catalog sends a buyer without a pass to the line; the line's page gives the place (its cookie).
            using (var catalog = await SendAsync(http, HttpMethod.Get, "/tickets", cookies))
                if (catalog.StatusCode != HttpStatusCode.Found || catalog.Headers.Location?.OriginalString.StartsWith("/tickets/queue") != true)
                    return new(Outcome.Other, arrivedAt, 0, 0, 0, $"GET /tickets {(int)catalog.StatusCode}: the waiting room is not on");
            using (var place = await SendAsync(http, HttpMethod.Get, "/tickets/queue?returnUrl=%2Ftickets", cookies))
                if ((int)place.StatusCode >= 500) return new(Outcome.ServerError, arrivedAt, 0, 0, 0, $"GET queue {(int)place.StatusCode}");
            double admittedAt = 0;
            while (admittedAt == 0)
            {
                using var status = await SendAsync(http, HttpMethod.Get, "/tickets/queue?handler=Status", cookies);
                polls++;
                if ((int)status.StatusCode >= 500) { serverErrors++; await Task.Delay(1000); continue; }
                using var json = JsonDocument.Parse(await status.Content.ReadAsStringAsync());
                var root = json.RootElement;
                if (root.TryGetProperty("admitted", out var a) && a.GetBoolean()) { admittedAt = clock.Elapsed.TotalSeconds; break; }
                if (root.TryGetProperty("reload", out _)) return new(Outcome.Other, arrivedAt, 0, polls, serverErrors, "status: reload (lost the place)");
                // queue.js's pace: sooner when the turn is near, every 2 to 10 s.
                var wait = root.GetProperty("waitSeconds").GetInt32();
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, Math.Max(2, wait / 4.0))));
            }
            var bought = await Buyer.RunAsync(http, options, n, clock, floor: false, cookies);
            return new(bought.Outcome, arrivedAt, admittedAt, polls, serverErrors, bought.Detail);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new(Outcome.Other, arrivedAt, 0, polls, serverErrors, e.GetType().Name + ": " + e.Message);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string url, Dictionary<string, string> cookies)
    {
        using var request = new HttpRequestMessage(method, url);
        if (cookies.Count > 0) request.Headers.Add("Cookie", Buyer.CookieHeader(cookies));
        var response = await http.SendAsync(request);
        Buyer.Keep(response, cookies);
        return response;
    }
}

/// <summary>How far admission departs from arrival, from the QueueEntries rows.</summary>
static class Fairness
{
    public static int Run(string path)
    {
        var rows = File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => (Id: long.Parse(f[0]), Joined: double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture),
                Admitted: f.Length > 2 && f[2].Length > 0 ? double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture) : double.NaN))
            .OrderBy(r => r.Id).ToList();
        var admitted = rows.Where(r => !double.IsNaN(r.Admitted)).ToList();
        // Kendall's tau-b between arrival (the place's id) and admission time, ties (one batch) counted as neither.
        long concordant = 0, discordant = 0, tiedAdmission = 0;
        for (var i = 0; i < admitted.Count; i++)
            for (var j = i + 1; j < admitted.Count; j++)
            {
                var d = admitted[j].Admitted - admitted[i].Admitted; // j arrived after i
                if (d > 0) concordant++;
                else if (d < 0) discordant++;
                else tiedAdmission++;
            }
        var pairs = (double)admitted.Count * (admitted.Count - 1) / 2;
        var tau = (concordant - discordant) / Math.Sqrt(pairs * (pairs - tiedAdmission));
        // Admitted out of order: someone who arrived earlier was admitted later.
        // Scanning from the last arrival back: a place is out of order if some later arrival was admitted before it.
        var outOfOrder = 0;
        var earliestLater = double.PositiveInfinity;
        for (var i = admitted.Count - 1; i >= 0; i--)
        {
            if (admitted[i].Admitted > earliestLater) outOfOrder++;
            earliestLater = Math.Min(earliestLater, admitted[i].Admitted);
        }
        var waits = admitted.Select(r => r.Admitted - r.Joined).ToList();
        Console.WriteLine($"fair.places={rows.Count}");
        Console.WriteLine($"fair.admitted={admitted.Count}");
        Console.WriteLine($"fair.kendall_tau_b={(admitted.Count > 1 ? tau : double.NaN):F4}");
        Console.WriteLine($"fair.discordant_pairs={discordant}");
        Console.WriteLine($"fair.admitted_out_of_order={outOfOrder}");
        Console.WriteLine($"fair.admitted_out_of_order_share={(admitted.Count > 0 ? (double)outOfOrder / admitted.Count : 0):P2}");
        Console.WriteLine($"fair.wait_p50_ms={Stats.Pct(waits, 50):F0}");
        Console.WriteLine($"fair.wait_p99_ms={Stats.Pct(waits, 99):F0}");
        return 0;
    }
}

static partial class Buyer
{
    /// <summary>
    /// One checkout: GET the form, POST the order. <paramref name="floor"/>: the bare checkout's paths
    /// (bench/experiments/floor-checkout.patch). <paramref name="cookies"/>: the buyer's cookies so far (the waiting room's
    /// place), kept up to date; none given, the buyer starts without any.
    /// </summary>
    public static async Task<BuyerResult> RunAsync(HttpClient http, Args options, int n, Stopwatch clock, bool floor = false, Dictionary<string, string>? cookies = null)
    {
        var started = clock.Elapsed;
        cookies ??= new();
        try
        {
            using var formRequest = new HttpRequestMessage(HttpMethod.Get, floor ? "/floor/form" : $"/tickets/checkout?qty[{options.TypeId}]=1");
            if (cookies.Count > 0) formRequest.Headers.Add("Cookie", CookieHeader(cookies));
            using var form = await http.SendAsync(formRequest);
            var html = await form.Content.ReadAsStringAsync();
            var gotForm = clock.Elapsed;
            var getMs = (gotForm - started).TotalMilliseconds;
            if (form.StatusCode != HttpStatusCode.OK)
                return new(Classify(form.StatusCode), getMs, 0, clock.Elapsed, $"GET {(int)form.StatusCode} {form.Headers.Location?.OriginalString}");
            Keep(form, cookies);
            var token = WebUtility.HtmlDecode(TokenRegex().Match(html).Groups[1].Value);
            var key = KeyRegex().Match(html).Groups[1].Value;
            var email = $"buyer{n:00000}@rush.example.com";
            using var request = new HttpRequestMessage(HttpMethod.Post, floor ? "/floor/order" : "/tickets/checkout")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Input.IdempotencyKey"] = key,
                    ["Input.Voucher"] = "",
                    ["Input.Attendees[0].TicketTypeId"] = options.TypeId.ToString(),
                    ["Input.Attendees[0].Name"] = $"Buyer {n}",
                    ["Input.Attendees[0].Email"] = email,
                    ["Input.BuyerName"] = $"Buyer {n}",
                    ["Input.BuyerEmail"] = email,
                    ["Input.Method"] = options.Method,
                }),
            };
            if (cookies.Count > 0) request.Headers.Add("Cookie", CookieHeader(cookies));
            using var placed = await http.SendAsync(request);
            var body = await placed.Content.ReadAsStringAsync();
            var done = clock.Elapsed;
            var postMs = (done - gotForm).TotalMilliseconds;
            var location = placed.Headers.Location?.OriginalString ?? "";
            if (placed.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/orders/", StringComparison.Ordinal))
                return new(Outcome.Ordered, getMs, postMs, done, "");
            if (placed.StatusCode == HttpStatusCode.OK && body.Contains("sold out", StringComparison.OrdinalIgnoreCase))
                return new(Outcome.SoldOut, getMs, postMs, done, "");
            return new(Classify(placed.StatusCode), getMs, postMs, done, $"POST {(int)placed.StatusCode} {location}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new(Outcome.Other, (clock.Elapsed - started).TotalMilliseconds, 0, clock.Elapsed, e.GetType().Name + ": " + e.Message);
        }
    }

    public static string CookieHeader(Dictionary<string, string> cookies) => string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value));

    /// <summary>The cookies a response sets, into the buyer's jar.</summary>
    public static void Keep(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var set)) return;
        foreach (var pair in set.Select(c => c.Split(';')[0]))
        {
            var at = pair.IndexOf('=');
            if (at > 0) cookies[pair[..at]] = pair[(at + 1)..];
        }
    }

    private static Outcome Classify(HttpStatusCode status) => (int)status >= 500 ? Outcome.ServerError : Outcome.Other;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("name=\"Input.IdempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex KeyRegex();
}

using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

// The ticket rush: N buyers, C at a time, each through the real checkout: GET the form (antiforgery cookie and token,
// idempotency key), then POST the order. Usage:
//   TicketRush --url http://127.0.0.1:5080 --type 7 [--buyers 5000] [--concurrency 200] [--method Free|Invoice]
var options = Args.Parse(args);
var handler = new SocketsHttpHandler
{
    UseCookies = false, // each buyer carries its own antiforgery cookie by hand: one connection pool, many visitors
    AllowAutoRedirect = false,
    MaxConnectionsPerServer = options.Concurrency,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
};
using var http = new HttpClient(handler) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(60) };
// As a TLS-terminating proxy would say: the app sets Secure cookies in Production and antiforgery wants https.
http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

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
double Pct(IEnumerable<double> values, double p)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
}
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

sealed record Args(string Url, int TypeId, int Buyers, int Concurrency, string Method)
{
    public static Args Parse(string[] args)
    {
        string Get(string name, string? fallback) =>
            args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault() ?? fallback ?? throw new ArgumentException($"--{name} is required");
        return new Args(Get("url", "http://127.0.0.1:5080"), int.Parse(Get("type", null)), int.Parse(Get("buyers", "5000")),
            int.Parse(Get("concurrency", "200")), Get("method", "Free"));
    }
}

static partial class Buyer
{
    public static async Task<BuyerResult> RunAsync(HttpClient http, Args options, int n, Stopwatch clock)
    {
        var started = clock.Elapsed;
        try
        {
            using var form = await http.GetAsync($"/tickets/checkout?qty[{options.TypeId}]=1");
            var html = await form.Content.ReadAsStringAsync();
            var gotForm = clock.Elapsed;
            var getMs = (gotForm - started).TotalMilliseconds;
            if (form.StatusCode != HttpStatusCode.OK)
                return new(Classify(form.StatusCode), getMs, 0, clock.Elapsed, $"GET {(int)form.StatusCode}");
            var cookie = string.Join("; ", form.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
            var token = WebUtility.HtmlDecode(TokenRegex().Match(html).Groups[1].Value);
            var key = KeyRegex().Match(html).Groups[1].Value;
            var email = $"buyer{n:00000}@rush.example.com";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/tickets/checkout")
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
            request.Headers.Add("Cookie", cookie);
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

    private static Outcome Classify(HttpStatusCode status) => (int)status >= 500 ? Outcome.ServerError : Outcome.Other;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("name=\"Input.IdempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex KeyRegex();
}

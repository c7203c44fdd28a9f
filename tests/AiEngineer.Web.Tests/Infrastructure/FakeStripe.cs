using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiEngineer.Web.Tests.Infrastructure;

/// <summary>
/// A small local stand-in for the Stripe API endpoints the app calls (checkout sessions, refunds), on real HTTP,
/// plus webhook payloads signed exactly as Stripe signs them. It can answer 500s or hang to play an outage.
/// It also serves the hosted Checkout page (<c>/pay/{session}</c>), on its own port and so another origin than the site,
/// as checkout.stripe.com is: paying there sends the signed checkout.session.completed webhook to the site and sends the
/// browser to the session's success URL, as Stripe does.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_fake";
    public const string WebhookSecret = "whsec_test_fake";

    private readonly WebApplication _app;
    private int _sequence;

    public Uri BaseAddress { get; }
    /// <summary>Sessions by idempotency key: a repeated key returns the same session, as Stripe does.</summary>
    public ConcurrentDictionary<string, JsonElement> SessionsByKey { get; } = new();
    public ConcurrentQueue<Dictionary<string, string>> SessionRequests { get; } = new();
    /// <summary>The Idempotency-Key header of every session request, in the order they came.</summary>
    public ConcurrentQueue<string> SessionIdempotencyKeys { get; } = new();
    public ConcurrentQueue<Dictionary<string, string>> RefundRequests { get; } = new();
    /// <summary>How many of the next requests answer 500.</summary>
    public int FailNext;
    /// <summary>Delay every answer by this much (to play a timeout).</summary>
    public TimeSpan Delay = TimeSpan.Zero;
    /// <summary>Sessions paid on the Checkout page, with the webhook's answer from the site.</summary>
    public ConcurrentQueue<(string SessionId, HttpStatusCode Webhook)> Payments { get; } = new();
    private static readonly HttpClient WebhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };

    public FakeStripe()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/v1/checkout/sessions", CreateSessionAsync);
        _app.MapPost("/v1/refunds", CreateRefundAsync);
        _app.MapGet("/pay/{id}", CheckoutPageAsync);
        _app.MapPost("/pay/{id}", PayAsync);
        _app.MapGet("/favicon.ico", () => Results.NoContent()); // browsers ask; a 404 would be a console error
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public Dictionary<string, string?> Settings() => new()
    {
        ["Stripe:SecretKey"] = SecretKey,
        ["Stripe:WebhookSecret"] = WebhookSecret,
        ["Stripe:ApiBase"] = BaseAddress.ToString().TrimEnd('/'),
        ["Stripe:CheckoutOrigin"] = CheckoutOrigin,
    };

    /// <summary>The origin of this fake's Checkout pages (its own port: another origin than the site's).</summary>
    public string CheckoutOrigin => BaseAddress.GetLeftPart(UriPartial.Authority);

    private async Task<bool> FaultAsync(HttpContext ctx)
    {
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
        if (Interlocked.Decrement(ref FailNext) >= 0)
        {
            ctx.Response.StatusCode = 500;
            await ctx.Response.WriteAsJsonAsync(new { error = new { type = "api_error", message = "Simulated outage" } });
            return true;
        }
        Interlocked.Exchange(ref FailNext, 0);
        return false;
    }

    private async Task CreateSessionAsync(HttpContext ctx)
    {
        var form = (await ctx.Request.ReadFormAsync()).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        SessionRequests.Enqueue(form);
        var key = ctx.Request.Headers["Idempotency-Key"].ToString();
        SessionIdempotencyKeys.Enqueue(key);
        if (await FaultAsync(ctx)) return;
        var session = SessionsByKey.GetOrAdd(key, _ =>
        {
            var id = $"cs_test_{Interlocked.Increment(ref _sequence):D6}";
            var json = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["id"] = id,
                ["object"] = "checkout.session",
                ["url"] = $"{CheckoutOrigin}/pay/{id}",
                ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
                ["metadata"] = form.Where(kv => kv.Key.StartsWith("metadata[")).ToDictionary(kv => kv.Key["metadata[".Length..^1], kv => kv.Value),
                ["amount_total"] = Enumerable.Range(0, 100).TakeWhile(i => form.ContainsKey($"line_items[{i}][quantity]"))
                    .Sum(i => long.Parse(form[$"line_items[{i}][quantity]"]) * long.Parse(form[$"line_items[{i}][price_data][unit_amount]"])),
                ["currency"] = form.GetValueOrDefault("line_items[0][price_data][currency]"),
                ["mode"] = "payment",
                ["payment_status"] = "unpaid",
                ["status"] = "open",
                ["expires_at"] = long.Parse(form.GetValueOrDefault("expires_at") ?? "0"),
                ["success_url"] = form.GetValueOrDefault("success_url"),
                ["cancel_url"] = form.GetValueOrDefault("cancel_url"),
            });
            return JsonDocument.Parse(json).RootElement.Clone();
        });
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(session.GetRawText());
    }

    private JsonElement? SessionById(string id) =>
        SessionsByKey.Values.Cast<JsonElement?>().FirstOrDefault(s => s!.Value.GetProperty("id").GetString() == id);

    /// <summary>The hosted payment page: what is paid and a Pay button (a form posting back here, as Stripe's page does).</summary>
    private async Task CheckoutPageAsync(HttpContext ctx, string id)
    {
        if (SessionById(id) is not { } session) { ctx.Response.StatusCode = 404; return; }
        var amount = session.GetProperty("amount_total").GetInt64();
        var currency = session.GetProperty("currency").GetString()?.ToUpperInvariant();
        var cancel = WebUtility.HtmlEncode(session.GetProperty("cancel_url").GetString());
        ctx.Response.ContentType = "text/html; charset=utf-8";
        await ctx.Response.WriteAsync($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head>
            <body><main>
            <h1>Pay {{amount / 100}}.{{amount % 100:D2}} {{currency}}</h1>
            <form method="post" action="/pay/{{WebUtility.HtmlEncode(id)}}">
              <label for="card">Card number</label> <input id="card" name="card" value="4242 4242 4242 4242">
              <button type="submit">Pay</button>
            </form>
            <p><a href="{{cancel}}">Back to the site</a></p>
            </main></body></html>
            """);
    }

    /// <summary>Paying: the signed checkout.session.completed webhook goes to the site first, then the browser to the success URL.</summary>
    private async Task PayAsync(HttpContext ctx, string id)
    {
        if (SessionById(id) is not { } session) { ctx.Response.StatusCode = 404; return; }
        var success = new Uri(session.GetProperty("success_url").GetString()!);
        var (json, signature) = SignedEvent("checkout.session.completed", PaidSession(id, "pi_" + id));
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(success, "/stripe/webhook")) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signature);
        var answer = await WebhookClient.SendAsync(request);
        Payments.Enqueue((id, answer.StatusCode));
        ctx.Response.Redirect(success.ToString());
    }

    private async Task CreateRefundAsync(HttpContext ctx)
    {
        var form = (await ctx.Request.ReadFormAsync()).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        if (await FaultAsync(ctx)) return;
        RefundRequests.Enqueue(form);
        await ctx.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["id"] = $"re_test_{Interlocked.Increment(ref _sequence):D6}",
            ["object"] = "refund",
            ["amount"] = long.Parse(form.GetValueOrDefault("amount") ?? "0"),
            ["payment_intent"] = form.GetValueOrDefault("payment_intent"),
            ["status"] = "succeeded",
        });
    }

    /// <summary>A checkout.session.* event for the session made for an order, with the given payment status.</summary>
    public static object Session(string sessionId, long orderId, string paymentStatus, string? paymentIntent = null) => new Dictionary<string, object?>
    {
        ["id"] = sessionId,
        ["object"] = "checkout.session",
        ["client_reference_id"] = orderId.ToString(),
        ["metadata"] = new Dictionary<string, string> { ["order_id"] = orderId.ToString() },
        ["payment_status"] = paymentStatus,
        ["payment_intent"] = paymentIntent,
        ["status"] = paymentStatus == "paid" ? "complete" : "open",
        ["mode"] = "payment",
    };

    /// <summary>
    /// A session this fake created, as Stripe sends it in checkout.session.completed once paid; the amount or currency can be
    /// overridden to play a payment that does not match what was asked.
    /// </summary>
    public object PaidSession(string sessionId, string paymentIntent, long? amountTotal = null, string? currency = null)
    {
        var created = SessionById(sessionId) ?? throw new InvalidOperationException($"This fake made no session {sessionId}.");
        var session = JsonSerializer.Deserialize<Dictionary<string, object?>>(created.GetRawText())!;
        session["payment_status"] = "paid";
        session["status"] = "complete";
        session["payment_intent"] = paymentIntent;
        if (amountTotal is not null) session["amount_total"] = amountTotal;
        if (currency is not null) session["currency"] = currency;
        return session;
    }

    public static object Charge(string paymentIntent, long amount, long amountRefunded) => new Dictionary<string, object?>
    {
        ["id"] = "ch_" + paymentIntent,
        ["object"] = "charge",
        ["amount"] = amount,
        ["amount_refunded"] = amountRefunded,
        ["payment_intent"] = paymentIntent,
        ["refunded"] = amount == amountRefunded,
    };

    /// <summary>An event payload and its Stripe-Signature header: t={unix},v1={hex HMAC-SHA256(secret, "{t}.{payload}")}.</summary>
    public static (string Json, string Signature) SignedEvent(string type, object dataObject, DateTimeOffset? signedAt = null, string? eventId = null, string secret = WebhookSecret)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = eventId ?? "evt_" + Guid.NewGuid().ToString("N")[..20],
            ["object"] = "event",
            ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["type"] = type,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["data"] = new Dictionary<string, object?> { ["object"] = dataObject },
        });
        var t = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{json}"));
        return (json, $"t={t},v1={Convert.ToHexString(mac).ToLowerInvariant()}");
    }

    public static async Task<HttpResponseMessage> PostWebhookAsync(HttpClient client, (string Json, string Signature) signed)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/stripe/webhook") { Content = new StringContent(signed.Json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signed.Signature);
        return await client.SendAsync(request);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

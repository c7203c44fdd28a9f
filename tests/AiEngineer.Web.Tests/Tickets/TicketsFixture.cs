using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Tickets;

/// <summary>A site with the demo catalog, Stripe pointed at a local fake, and a fast hold-expiry sweep.</summary>
public partial class TicketsFixture : SiteFixture
{
    public FakeStripe Stripe { get; } = new();
    public Dictionary<string, int> TypeIds { get; } = new();
    /// <summary>The conference as seeded (relative to the site's clock), untracked.</summary>
    public Core.Conference.ConferenceEvent Conference { get; private set; } = null!;

    protected override void Configure(SiteFactory site)
    {
        foreach (var (key, value) in Stripe.Settings()) site.Settings[key] = value;
        site.Settings["Tickets:ExpirySweepSeconds"] = "0.2";
    }

    protected override async Task SeedAsync()
    {
        await Site.WithDbAsync(async db =>
        {
            Conference = DemoSeeder.BuildConference(Site.Time.GetUtcNow().UtcDateTime);
            db.Conferences.Add(Conference);
            db.TicketTypes.AddRange(DemoSeeder.BuildTicketTypes(Site.Time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
            foreach (var t in await db.TicketTypes.ToListAsync()) TypeIds[t.Name] = t.Id;
        });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    public Task<TicketType> TypeAsync(string name)
    {
        var id = TypeIds[name];
        return Site.WithDbAsync(db => db.TicketTypes.AsNoTracking().SingleAsync(t => t.Id == id));
    }

    /// <summary>A new ticket type just for one test, so tests do not share seats.</summary>
    public Task<int> AddTypeAsync(string name, long price, int capacity, Action<TicketType>? configure = null) => Site.WithDbAsync(async db =>
    {
        var type = new TicketType { Name = name, Kind = TicketKind.InPerson, PriceMinor = price, Capacity = capacity, MaxPerOrder = 10 };
        configure?.Invoke(type);
        db.TicketTypes.Add(type);
        await db.SaveChangesAsync();
        lock (TypeIds) TypeIds[name] = type.Id;
        return type.Id;
    });

    public Task<Order> OrderAsync(string code) => Site.WithDbAsync(db =>
        db.Orders.AsNoTracking().Include(o => o.Tickets).Include(o => o.Events).SingleAsync(o => o.Code == code));

    /// <summary>Buys through the real pages: GET the checkout form for the quantities, fill it in, POST it.</summary>
    public Task<HttpResponseMessage> BuyAsync(HttpClient client, Dictionary<int, int> quantities, string buyerEmail,
        string method = "Invoice", string? voucher = null, Action<Dictionary<string, string>>? tamper = null) =>
        CheckoutAsync(client, quantities, buyerEmail, method, voucher, tamper);

    /// <summary><see cref="BuyAsync"/> for any app instance, not only this fixture's.</summary>
    public static async Task<HttpResponseMessage> CheckoutAsync(HttpClient client, Dictionary<int, int> quantities, string buyerEmail,
        string method = "Invoice", string? voucher = null, Action<Dictionary<string, string>>? tamper = null)
    {
        var (formPage, fields) = await CheckoutFormAsync(client, quantities, buyerEmail, method, voucher);
        if (fields is null) return formPage;
        tamper?.Invoke(fields);
        return await client.PostAsync("/tickets/checkout", new FormUrlEncodedContent(fields));
    }

    /// <summary>The checkout form for the quantities, filled in as a buyer would (null fields when the form did not load).</summary>
    public static async Task<(HttpResponseMessage FormPage, Dictionary<string, string>? Fields)> CheckoutFormAsync(HttpClient client,
        Dictionary<int, int> quantities, string buyerEmail, string method = "Invoice", string? voucher = null)
    {
        var query = string.Join("&", quantities.Select(kv => $"qty[{kv.Key}]={kv.Value}")) + (voucher is null ? "" : $"&voucher={Uri.EscapeDataString(voucher)}");
        var formPage = await client.GetAsync("/tickets/checkout?" + query);
        if (formPage.StatusCode != HttpStatusCode.OK) return (formPage, null);
        var html = await formPage.Content.ReadAsStringAsync();
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpClientFormExtensions.AntiforgeryToken(html),
            ["Input.IdempotencyKey"] = KeyRegex().Match(html).Groups[1].Value,
            ["Input.Voucher"] = voucher ?? "",
            ["Input.BuyerName"] = "Buyer " + buyerEmail.Split('@')[0],
            ["Input.BuyerEmail"] = buyerEmail,
            ["Input.Method"] = method,
        };
        var i = 0;
        foreach (var (typeId, count) in quantities)
            for (var n = 0; n < count; n++, i++)
            {
                fields[$"Input.Attendees[{i}].TicketTypeId"] = typeId.ToString();
                fields[$"Input.Attendees[{i}].Name"] = $"Attendee {i}";
                fields[$"Input.Attendees[{i}].Email"] = $"attendee{i}.{buyerEmail}";
            }
        return (formPage, fields);
    }

    /// <summary>The order code from the redirect after placing an order.</summary>
    public static string CodeFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Regex.Match(response.Headers.Location!.ToString(), "/orders/([A-Z0-9]+)").Groups[1].Value;
    }

    public static async Task<string> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Your order was not placed", html);
        return html;
    }

    [GeneratedRegex("name=\"Input.IdempotencyKey\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex KeyRegex();
}

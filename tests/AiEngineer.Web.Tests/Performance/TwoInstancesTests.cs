using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Performance;

/// <summary>
/// Two app instances on one database, both serving a rush with their outbox workers and sweepers running: exactly
/// capacity is sold, each confirmation is sent once, and a sign-in cookie from one instance works on the other.
/// </summary>
public partial class TwoInstancesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SmtpSink _smtp = null!;
    private SiteFactory _a = null!, _b = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _smtp = new SmtpSink();
        _a = new SiteFactory(_database, _smtp);
        _b = new SiteFactory(_database, _smtp);
        _ = _a.Services; // migrates
        _ = _b.Services;
        await _a.WithDbAsync(async db =>
        {
            db.Conferences.Add(DemoSeeder.BuildConference(_a.Time.GetUtcNow().UtcDateTime));
            db.TicketTypes.Add(new TicketType { Name = "Two-host seat", Kind = TicketKind.Remote, PriceMinor = 0, Capacity = 25, MaxPerOrder = 1 });
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Both_instances_sell_exactly_capacity_send_each_confirmation_once_and_share_sign_in()
    {
        var typeId = await _a.WithDbAsync(db => db.TicketTypes.Where(t => t.Name == "Two-host seat").Select(t => t.Id).SingleAsync());
        const int buyers = 60;
        using var gate = new SemaphoreSlim(12);
        var responses = await Task.WhenAll(Enumerable.Range(0, buyers).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var site = i % 2 == 0 ? _a : _b;
                return await TicketsFixture.CheckoutAsync(site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, $"rush{i}@example.com", method: "Free");
            }
            finally { gate.Release(); }
        }));
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.Equal(25, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.ToString().StartsWith("/orders/", StringComparison.Ordinal)));

        var (taken, paid, tickets) = await _a.WithDbAsync(async db => (
            await db.TicketTypes.Where(t => t.Id == typeId).Select(t => t.Taken).SingleAsync(),
            await db.Orders.CountAsync(o => o.Status == OrderStatus.Paid),
            await db.Tickets.CountAsync(t => t.TicketTypeId == typeId)));
        Assert.Equal((25, 25, 25), (taken, paid, tickets));

        // Both instances' outbox workers run; every paid buyer gets exactly one confirmation.
        var buyersPaid = await _a.WithDbAsync(db => db.Orders.Where(o => o.Status == OrderStatus.Paid).Select(o => o.BuyerEmail).ToListAsync());
        foreach (var email in buyersPaid) await _smtp.WaitForAsync(email, timeoutSeconds: 30);
        await Task.Delay(1000);
        foreach (var email in buyersPaid) Assert.Single(_smtp.To(email));
        Assert.Equal(_smtp.Messages.Count, _smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(0, await _a.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.Status != Core.Email.OutboundEmailStatus.Sent)));

        // A sign-in cookie issued by A opens B (data-protection keys live in the shared database).
        await _a.CreateUserAsync("two.hosts@example.com");
        var cookie = await SignInCookieAsync(_a, "two.hosts@example.com");
        var onB = _b.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/my");
        request.Headers.Add("Cookie", cookie);
        var response = await onB.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("two.hosts@example.com", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Signs in on <paramref name="site"/> with cookies handled by hand and returns the sign-in cookie as a Cookie header.</summary>
    private static async Task<string> SignInCookieAsync(SiteFactory site, string email)
    {
        var client = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/Identity/Account/Login");
        var antiforgery = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var post = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = SiteFactory.Password,
                ["__RequestVerificationToken"] = HttpClientFormExtensions.AntiforgeryToken(await form.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => AuthCookie().IsMatch(c));
    }

    [GeneratedRegex("^aie\\.auth=")]
    private static partial Regex AuthCookie();
}

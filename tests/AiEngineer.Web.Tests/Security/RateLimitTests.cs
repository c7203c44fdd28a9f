using System.Net;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Security;
using AiEngineer.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Tests.Security;

/// <summary>Tight limits set through configuration, as an operator would; each test uses its own form so they do not share a budget.</summary>
public class RateLimitTests(RateLimitTests.Fixture fixture) : IClassFixture<RateLimitTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        protected override void Configure(SiteFactory site)
        {
            site.Settings["RateLimits:Login:PermitLimit"] = "3";
            site.Settings["RateLimits:PasswordReset:PermitLimit"] = "1";
            site.Settings["RateLimits:Proposals:PermitLimit"] = "2";
            site.Settings["RateLimits:SponsorApply:PermitLimit"] = "1";
            site.Settings["RateLimits:Checkout:PermitLimit"] = "2";
            site.Settings["RateLimits:Checkout:WindowSeconds"] = "120";
            site.Settings["RateLimits:QueueJoin:PermitLimit"] = "3";
        }
    }

    private HttpClient ClientFrom(string ip) => fixture.Site.CreateClientFrom(ip);

    /// <summary>Posts the same form repeatedly with a valid token, so only the limiter can refuse it.</summary>
    public static async Task<List<HttpResponseMessage>> PostTimesAsync(HttpClient client, string url, int times, string? formPage = null)
    {
        var token = HttpClientFormExtensions.AntiforgeryToken(await client.GetStringAsync(formPage ?? url));
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < times; i++)
            responses.Add(await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "nobody@ratelimit.example.com",
                ["Input.Password"] = "wrong-password-123",
                ["__RequestVerificationToken"] = token,
            })));
        return responses;
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 600);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Too many requests", html);
        Assert.Contains($"again in {retryAfter} seconds", html);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_answer_429_with_retry_after_and_a_friendly_page()
    {
        var client = ClientFrom("203.0.113.10");
        var responses = await PostTimesAsync(client, "/Identity/Account/Login", 4);
        Assert.All(responses.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode)); // "do not match an account"
        await AssertTooManyAsync(responses[3]);
        // Reading the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Identity/Account/Login")).StatusCode);
        // Another address has its own budget.
        var neighbour = await PostTimesAsync(ClientFrom("203.0.113.11"), "/Identity/Account/Login", 1);
        Assert.Equal(HttpStatusCode.OK, neighbour[0].StatusCode);
    }

    [Fact]
    public async Task Password_reset_requests_beyond_the_limit_answer_429()
    {
        var responses = await PostTimesAsync(ClientFrom("203.0.113.20"), "/Identity/Account/ForgotPassword", 2);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, responses[0].StatusCode);
        await AssertTooManyAsync(responses[1]);
    }

    [Fact]
    public async Task Confirmation_link_requests_send_email_too_and_share_the_password_reset_budget()
    {
        var client = ClientFrom("203.0.113.21");
        var first = await PostTimesAsync(client, "/Identity/Account/ResendEmailConfirmation", 1);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, first[0].StatusCode);
        await AssertTooManyAsync((await PostTimesAsync(client, "/Identity/Account/ForgotPassword", 1))[0]);
    }

    [Theory]
    [InlineData("/Identity/Account/LoginWith2fa", "203.0.113.12")]
    [InlineData("/Identity/Account/LoginWithRecoveryCode", "203.0.113.13")]
    public async Task Second_step_codes_are_sign_in_attempts_with_the_same_budget(string page, string ip)
    {
        var client = ClientFrom(ip);
        var responses = await PostTimesAsync(client, page, 3, formPage: "/Identity/Account/Login");
        Assert.All(responses, r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        await AssertTooManyAsync((await PostTimesAsync(client, "/Identity/Account/Login", 1))[0]);
    }

    [Fact]
    public async Task Checkout_posts_beyond_the_limit_answer_429_but_the_ticket_pages_stay_open()
    {
        var client = ClientFrom("203.0.113.30");
        var responses = await PostTimesAsync(client, "/tickets/checkout", 3, formPage: "/Identity/Account/Login");
        Assert.All(responses.Take(2), r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        await AssertTooManyAsync(responses[2]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/tickets/checkout")).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/tickets")).StatusCode);
    }

    [Fact]
    public async Task Proposal_posts_are_counted_per_speaker_so_one_speaker_does_not_block_another()
    {
        await fixture.Site.CreateUserAsync("busy@ratelimit.example.com");
        await fixture.Site.CreateUserAsync("calm@ratelimit.example.com");
        var busy = await fixture.Site.SignedInClientAsync("busy@ratelimit.example.com");
        var calm = await fixture.Site.SignedInClientAsync("calm@ratelimit.example.com");

        var responses = await PostTimesAsync(busy, "/my/submissions/edit", 3, formPage: "/my/profile");
        Assert.All(responses.Take(2), r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        await AssertTooManyAsync(responses[2]);

        var other = await PostTimesAsync(calm, "/my/submissions/edit", 1, formPage: "/my/profile");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other[0].StatusCode);
    }

    [Fact]
    public async Task New_places_in_the_waiting_room_beyond_the_limit_answer_429_while_a_browser_that_kept_its_place_still_sees_it()
    {
        var site = fixture.Site;
        var now = site.Time.GetUtcNow().UtcDateTime;
        await site.WithDbAsync(async db =>
        {
            db.WaitingRooms.Add(new WaitingRoom { Enabled = true, AdmitPerMinute = 1, AdmitClock = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        });
        await site.Services.GetRequiredService<WaitingRoomStore>().ReloadAsync();
        try
        {
            // Each new client has no cookie, like a script that drops it to stand in line again and again.
            var keeper = ClientFrom("203.0.113.60");
            Assert.Equal(HttpStatusCode.OK, (await keeper.GetAsync("/tickets/queue")).StatusCode);
            for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await ClientFrom("203.0.113.60").GetAsync("/tickets/queue")).StatusCode);
            await AssertTooManyAsync(await ClientFrom("203.0.113.60").GetAsync("/tickets/queue"));
            Assert.Equal(3, await site.WithDbAsync(db => db.QueueEntries.CountAsync()));

            // Reloading a place and asking for its position are not new places.
            var reload = await keeper.GetAsync("/tickets/queue");
            Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
            Assert.Contains("You're in line for tickets", WebUtility.HtmlDecode(await reload.Content.ReadAsStringAsync()));
            Assert.Contains("\"position\":1", await keeper.GetStringAsync("/tickets/queue?handler=Status"));
            // Another address has its own budget.
            Assert.Equal(HttpStatusCode.OK, (await ClientFrom("203.0.113.61").GetAsync("/tickets/queue")).StatusCode);
            Assert.Equal(4, await site.WithDbAsync(db => db.QueueEntries.CountAsync()));
        }
        finally
        {
            await site.WithDbAsync(async db =>
            {
                await db.QueueEntries.ExecuteDeleteAsync();
                await db.WaitingRooms.ExecuteDeleteAsync();
            });
            await site.Services.GetRequiredService<WaitingRoomStore>().ReloadAsync();
        }
    }

    [Fact]
    public async Task Sponsor_applications_beyond_the_limit_answer_429()
    {
        await fixture.Site.CreateUserAsync("sponsor@ratelimit.example.com");
        var client = await fixture.Site.SignedInClientAsync("sponsor@ratelimit.example.com");
        var responses = await PostTimesAsync(client, "/sponsors/apply", 2);
        Assert.Equal(HttpStatusCode.OK, responses[0].StatusCode); // the form again, with what is missing
        await AssertTooManyAsync(responses[1]);
    }
}

/// <summary>The limits as shipped: generous enough for a ticket rush from one address and for the test suites.</summary>
public class DefaultRateLimitTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task A_rush_of_checkouts_from_one_address_is_not_throttled_by_default()
    {
        var client = fixture.Site.CreateBrowserlikeClient();
        var token = HttpClientFormExtensions.AntiforgeryToken(await client.GetStringAsync("/Identity/Account/Login"));
        var statuses = await Task.WhenAll(Enumerable.Range(0, 300).Select(async _ =>
            (await client.PostAsync("/tickets/checkout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).StatusCode));
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        var options = fixture.Site.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        Assert.True(options.Checkout.PermitLimit >= 5000, "the ticket-rush benchmark sends 5,000 buyers from one address");
        Assert.True(options.Enabled);
    }

    [Fact]
    public async Task Limits_can_be_switched_off()
    {
        await using var site = new SiteFactory(fixture.Database, fixture.Smtp);
        site.Settings["RateLimits:Enabled"] = "false";
        site.Settings["RateLimits:Login:PermitLimit"] = "1";
        var responses = await RateLimitTests.PostTimesAsync(site.CreateBrowserlikeClient(), "/Identity/Account/Login", 3);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }
}

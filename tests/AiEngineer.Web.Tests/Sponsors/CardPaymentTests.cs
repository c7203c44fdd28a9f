using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Sponsors;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Sponsors;

/// <summary>The sponsor tiers and the demo catalog, with Stripe pointed at the local fake.</summary>
public class SponsorPaymentsFixture : SponsorsFixture
{
    public FakeStripe Stripe { get; } = new();

    protected override void Configure(SiteFactory site)
    {
        base.Configure(site);
        foreach (var (key, value) in Stripe.Settings()) site.Settings[key] = value;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

/// <summary>An approved sponsor pays by card: the portal opens Stripe Checkout, only the signed webhook marks it paid.</summary>
public class CardPaymentTests(SponsorPaymentsFixture fixture) : IClassFixture<SponsorPaymentsFixture>
{
    private static int _people;

    /// <summary>A contact applies through the page and an organizer approves through the back office.</summary>
    private async Task<(Sponsorship Sponsorship, HttpClient Contact)> ApprovedAsync(string tier, string company)
    {
        var n = Interlocked.Increment(ref _people);
        var email = $"contact{n}@card.example.com";
        await fixture.Site.CreateUserAsync(email);
        var contact = await fixture.Site.SignedInClientAsync(email);
        var tierId = await fixture.Site.WithDbAsync(db => db.SponsorTiers.Where(t => t.Name == tier).Select(t => t.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SponsorPipelineTests.ApplyAsync(contact, tierId, company)).StatusCode);
        var id = await fixture.Site.WithDbAsync(db => db.Sponsorships.Where(s => s.CompanyName == company).Select(s => s.Id).SingleAsync());

        var organizerEmail = $"organizer{n}@card.example.com";
        await fixture.Site.CreateUserAsync(organizerEmail, Roles.Organizer);
        var organizer = await fixture.Site.SignedInClientAsync(organizerEmail);
        await organizer.PostFormAsync($"/admin/sponsors/{id}?handler=Approve", new() { ["Message"] = "Welcome" }, formPage: $"/admin/sponsors/{id}");
        var s = await SponsorshipAsync(id);
        Assert.Equal(SponsorshipStatus.Approved, s.Status);
        return (s, contact);
    }

    private Task<Sponsorship> SponsorshipAsync(int id) =>
        fixture.Site.WithDbAsync(db => db.Sponsorships.AsNoTracking().Include(s => s.Tier).Include(s => s.Events).SingleAsync(s => s.Id == id));

    private static Task<HttpResponseMessage> PayAsync(HttpClient contact, int id) =>
        contact.PostFormAsync($"/my/sponsor?id={id}&handler=Pay", new(), formPage: "/my/sponsor");

    /// <summary>Presses "Pay by card" and follows to Stripe: returns the session id.</summary>
    private async Task<string> StartPaymentAsync(HttpClient contact, int id)
    {
        var pay = await PayAsync(contact, id);
        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);
        Assert.StartsWith(fixture.Stripe.CheckoutOrigin + "/pay/", pay.Headers.Location!.ToString());
        return pay.Headers.Location!.Segments.Last();
    }

    private Task<HttpResponseMessage> WebhookAsync(string type, object data, string? eventId = null, string secret = FakeStripe.WebhookSecret) =>
        FakeStripe.PostWebhookAsync(fixture.Site.CreateClient(), FakeStripe.SignedEvent(type, data, eventId: eventId, secret: secret));

    private IEnumerable<(Dictionary<string, string> Form, string Key)> SessionCallsFor(int sponsorshipId) =>
        fixture.Stripe.SessionRequests.Zip(fixture.Stripe.SessionIdempotencyKeys).Where(c => c.First.GetValueOrDefault("metadata[sponsorship_id]") == sponsorshipId.ToString());

    [Fact]
    public async Task An_approved_sponsor_pays_by_card_and_goes_live_when_the_webhook_lands()
    {
        var (s, contact) = await ApprovedAsync("Included", "Cardiac Labs");
        var portal = WebUtility.HtmlDecode(await contact.GetStringAsync("/my/sponsor"));
        Assert.Contains("Pay $1,000 by card", portal);

        var sessionId = await StartPaymentAsync(contact, s.Id);
        var request = Assert.Single(SessionCallsFor(s.Id)).Form;
        Assert.Equal("sponsorship", request["metadata[kind]"]);
        Assert.Equal("100000", request["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("usd", request["line_items[0][price_data][currency]"]);
        Assert.Equal("1", request["line_items[0][quantity]"]);
        Assert.Contains($"/my/sponsor?paid={s.Id}", request["success_url"]);

        // Coming back from Stripe is not proof of payment.
        var back = await contact.GetStringAsync($"/my/sponsor?paid={s.Id}");
        Assert.Contains("Payment processing", back);
        Assert.Equal(SponsorshipStatus.Approved, (await SponsorshipAsync(s.Id)).Status);
        Assert.DoesNotContain("Cardiac Labs", await fixture.Site.CreateClient().GetStringAsync("/sponsors"));

        var hook = await WebhookAsync("checkout.session.completed", fixture.Stripe.PaidSession(sessionId, "pi_cardiac"));
        Assert.Equal(HttpStatusCode.OK, hook.StatusCode);
        var live = await SponsorshipAsync(s.Id);
        Assert.Equal(SponsorshipStatus.Live, live.Status);
        Assert.Equal(SponsorPayment.Card, live.PaymentMethod);
        Assert.Equal("pi_cardiac", live.PaymentReference);
        Assert.Equal(100000, live.PaidMinor);
        Assert.NotNull(live.TicketVoucherId); // the same fulfilment as a paid invoice: included tickets too
        Assert.Contains("Cardiac Labs", await fixture.Site.CreateClient().GetStringAsync("/sponsors"));
        await fixture.Smtp.WaitForAsync(s.ContactEmail, m => m.Subject!.Contains("live"));

        var receipt = WebUtility.HtmlDecode(await contact.GetStringAsync("/my/sponsor"));
        Assert.Contains("Paid and live", receipt);
        Assert.Contains("Receipt: $1,000 received", receipt);
        Assert.Contains("by card through Stripe (payment pi_cardiac)", receipt);
        Assert.DoesNotContain("by card</button>", receipt);
    }

    [Fact]
    public async Task A_replayed_webhook_makes_the_sponsorship_live_once()
    {
        var (s, contact) = await ApprovedAsync("Included", "Replay Robotics");
        var sessionId = await StartPaymentAsync(contact, s.Id);
        var signed = FakeStripe.SignedEvent("checkout.session.completed", fixture.Stripe.PaidSession(sessionId, "pi_replay_sponsor"), eventId: "evt_sponsor_replay");
        // Stripe retries, at once and later; the same payment also arrives under other event ids (async_payment_succeeded).
        var deliveries = Enumerable.Range(0, 4).Select(_ => FakeStripe.PostWebhookAsync(fixture.Site.CreateClient(), signed))
            .Append(WebhookAsync("checkout.session.async_payment_succeeded", fixture.Stripe.PaidSession(sessionId, "pi_replay_sponsor")));
        Assert.All(await Task.WhenAll(deliveries), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await FakeStripe.PostWebhookAsync(fixture.Site.CreateClient(), signed)).StatusCode);

        await fixture.Smtp.WaitForAsync(s.ContactEmail, m => m.Subject!.Contains("live"));
        await Task.Delay(700);
        Assert.Single(fixture.Smtp.To(s.ContactEmail), m => m.Subject!.Contains("live"));
        var live = await SponsorshipAsync(s.Id);
        Assert.Equal(SponsorshipStatus.Live, live.Status);
        Assert.Single(live.Events, e => e.Message.StartsWith("Paid "));
        Assert.DoesNotContain(live.Events, e => e.Message.Contains("not applied"));
        Assert.Equal(1, await fixture.Site.WithDbAsync(db => db.Vouchers.CountAsync(v => v.Note!.Contains("Replay Robotics"))));
        Assert.Equal(1, await fixture.Site.WithDbAsync(db => db.ProcessedWebhookEvents.CountAsync(e => e.EventId == "evt_sponsor_replay")));
    }

    [Fact]
    public async Task A_payment_of_another_amount_or_currency_is_refused_and_shown_to_organizers()
    {
        var (s, contact) = await ApprovedAsync("Silver", "Short Change");
        var sessionId = await StartPaymentAsync(contact, s.Id);

        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("checkout.session.completed", fixture.Stripe.PaidSession(sessionId, "pi_short", amountTotal: 100))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("checkout.session.completed", fixture.Stripe.PaidSession(sessionId, "pi_euro", currency: "eur"))).StatusCode);
        var after = await SponsorshipAsync(s.Id);
        Assert.Equal(SponsorshipStatus.Approved, after.Status);
        Assert.Null(after.PaidAt);
        Assert.Equal(s.HoldExpiresAt, after.HoldExpiresAt);
        Assert.Contains(after.Events, e => e.Message.Contains("$1") && e.Message.Contains("not the $10,000 asked"));
        Assert.Contains(after.Events, e => e.Message.Contains("pi_euro") && e.Message.Contains("not applied"));
        Assert.Null(await fixture.Site.WithDbAsync(db => db.Sponsorships.Where(x => x.Id == s.Id).Select(x => x.TicketVoucherId).SingleAsync()));
        Assert.DoesNotContain("Short Change", await fixture.Site.CreateClient().GetStringAsync("/sponsors"));
    }

    [Fact]
    public async Task A_webhook_with_a_bad_signature_is_refused_and_changes_nothing()
    {
        var (s, contact) = await ApprovedAsync("Silver", "Forged Inc");
        var sessionId = await StartPaymentAsync(contact, s.Id);
        var data = fixture.Stripe.PaidSession(sessionId, "pi_forged_sponsor");

        Assert.Equal(HttpStatusCode.BadRequest, (await WebhookAsync("checkout.session.completed", data, secret: "whsec_wrong")).StatusCode);
        var signed = FakeStripe.SignedEvent("checkout.session.completed", data);
        var tampered = (signed.Json.Replace("pi_forged_sponsor", "pi_other"), signed.Signature);
        Assert.Equal(HttpStatusCode.BadRequest, (await FakeStripe.PostWebhookAsync(fixture.Site.CreateClient(), tampered)).StatusCode);

        var after = await SponsorshipAsync(s.Id);
        Assert.Equal(SponsorshipStatus.Approved, after.Status);
        Assert.Equal(s.Events.Count, after.Events.Count);
    }

    [Fact]
    public async Task When_stripe_fails_the_contact_is_asked_to_retry_the_hold_stays_and_the_retry_reuses_the_idempotency_key()
    {
        var (s, contact) = await ApprovedAsync("Community", "Outage Org");
        fixture.Stripe.FailNext = 1;
        var failed = await PayAsync(contact, s.Id);
        Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
        Assert.Equal("/my/sponsor", failed.Headers.Location!.ToString());
        var portal = WebUtility.HtmlDecode(await contact.GetStringAsync("/my/sponsor"));
        Assert.Contains("please try again in a moment", portal);
        Assert.Contains($"Your slot is still held until {s.HoldExpiresAt:MMMM d, yyyy}", portal);
        var held = await SponsorshipAsync(s.Id);
        Assert.Equal(SponsorshipStatus.Approved, held.Status);
        Assert.Equal(s.HoldExpiresAt, held.HoldExpiresAt);
        Assert.Equal(1, await fixture.Site.WithDbAsync(db => db.SponsorTiers.Where(t => t.Id == s.TierId).Select(t => t.Taken).SingleAsync()));

        var sessionId = await StartPaymentAsync(contact, s.Id);
        var attempt = Assert.Single(await fixture.Site.WithDbAsync(db => db.SponsorshipPaymentAttempts.Where(p => p.SponsorshipId == s.Id).ToListAsync()));
        Assert.Equal(sessionId, attempt.SessionId);
        Assert.Null(attempt.LastError);
        var calls = SessionCallsFor(s.Id).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal(attempt.IdempotencyKey.ToString(), c.Key));

        // Pressing the button again goes back to the open payment page instead of asking Stripe for another.
        Assert.Equal(sessionId, await StartPaymentAsync(contact, s.Id));
        Assert.Equal(2, SessionCallsFor(s.Id).Count());
        // That page expiring unpaid leaves the sponsorship's own hold alone.
        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("checkout.session.expired", ExpiredSession(sessionId))).StatusCode);
        Assert.Equal(SponsorshipStatus.Approved, (await SponsorshipAsync(s.Id)).Status);
    }

    private object ExpiredSession(string sessionId)
    {
        var session = (Dictionary<string, object?>)fixture.Stripe.PaidSession(sessionId, "");
        session["payment_status"] = "unpaid";
        session["status"] = "expired";
        session["payment_intent"] = null;
        return session;
    }

    [Fact]
    public async Task Only_the_contact_of_an_approved_unpaid_sponsorship_can_pay_it()
    {
        var (s, _) = await ApprovedAsync("Silver", "Owned Payments");
        await fixture.Site.CreateUserAsync("intruder@card.example.com");
        var intruder = await fixture.Site.SignedInClientAsync("intruder@card.example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await PayAsync(intruder, s.Id)).StatusCode);
        Assert.False(await fixture.Site.WithDbAsync(db => db.SponsorshipPaymentAttempts.AnyAsync(p => p.SponsorshipId == s.Id)));
        Assert.Empty(SessionCallsFor(s.Id));

        // An application not yet approved has no button, and a forced post is refused with a reason.
        var applicant = await fixture.Site.SignedInClientAsync("intruder@card.example.com");
        var silver = await fixture.Site.WithDbAsync(db => db.SponsorTiers.Where(t => t.Name == "Silver").Select(t => t.Id).SingleAsync());
        await SponsorPipelineTests.ApplyAsync(applicant, silver, "Not Yet Approved");
        var pending = await fixture.Site.WithDbAsync(db => db.Sponsorships.Where(x => x.CompanyName == "Not Yet Approved").Select(x => x.Id).SingleAsync());
        Assert.DoesNotContain("by card</button>", await applicant.GetStringAsync("/my/sponsor"));
        Assert.Equal(HttpStatusCode.Redirect, (await PayAsync(applicant, pending)).StatusCode);
        Assert.Contains("Only an approved, unpaid sponsorship can be paid.", WebUtility.HtmlDecode(await applicant.GetStringAsync("/my/sponsor")));
        Assert.Empty(SessionCallsFor(pending));
    }
}

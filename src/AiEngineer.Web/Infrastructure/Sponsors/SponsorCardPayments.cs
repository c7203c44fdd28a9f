using AiEngineer.Core.Data;
using AiEngineer.Core.Sponsors;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Payments;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Infrastructure.Sponsors;

/// <summary>
/// An approved sponsor pays by card through Stripe Checkout. Starting a payment records a <see cref="SponsorshipPaymentAttempt"/>
/// whose key is Stripe's idempotency key; only the webhook confirms, through <see cref="SponsorSales.MarkPaidAsync"/>, the
/// same path an organizer's "mark invoice paid" takes.
/// </summary>
public sealed class SponsorCardPayments(AppDbContext db, SponsorSales sales, IPaymentGateway payments, TimeProvider time,
    IOptionsMonitor<SiteOptions> site, ILogger<SponsorCardPayments> log)
{
    /// <summary>The Checkout Session metadata that tells the webhook a session pays a sponsorship, and which.</summary>
    public const string KindKey = "kind", Kind = "sponsorship", SponsorshipIdKey = "sponsorship_id", AttemptIdKey = "attempt_id";

    public bool CanPay(Sponsorship s) => payments.IsConfigured && s.Status == SponsorshipStatus.Approved && s.Tier.PriceMinor > 0;

    /// <summary>The Stripe page to send the contact to, or why there is none. An open session is reused; nothing here marks anything paid.</summary>
    public async Task<(string? CheckoutUrl, Core.Messages.Problem? Error)> StartAsync(Sponsorship s, CancellationToken ct)
    {
        if (!CanPay(s))
            return (null, s.Status == SponsorshipStatus.Approved ? "Card payment is not available; please pay the invoice." : "Only an approved, unpaid sponsorship can be paid.");
        var now = time.GetUtcNow().UtcDateTime;
        var price = s.Tier.PriceMinor;
        var currency = s.Tier.Currency;
        // Attempts for another amount (the tier price changed) are left alone: Stripe refuses a reused key with new parameters.
        var url = await CheckoutAttempts.OpenAsync(db,
            db.SponsorshipPaymentAttempts.Where(p => p.SponsorshipId == s.Id && p.AmountMinor == price && p.Currency == currency),
            () => new SponsorshipPaymentAttempt { SponsorshipId = s.Id, IdempotencyKey = Guid.NewGuid(), AmountMinor = price, Currency = currency, CreatedAt = now },
            attempt => payments.CreateCheckoutAsync(new CheckoutRequest($"sponsorship-{s.Id}", s.ContactEmail, currency,
                [new CheckoutLine($"{s.Tier.Name} sponsorship: {s.CompanyName}", price, 1)],
                new Dictionary<string, string> { [KindKey] = Kind, [SponsorshipIdKey] = s.Id.ToString(), [AttemptIdKey] = attempt.Id.ToString() },
                site.CurrentValue.Link($"/my/sponsor?paid={s.Id}"), site.CurrentValue.Link("/my/sponsor"), s.HoldExpiresAt), attempt.IdempotencyKey, ct),
            now, log, $"sponsorship {s.Id}", ct);
        return url is not null
            ? (url, null)
            : (null, $"The payment provider did not answer, so the card payment could not start. Your slot is still held until {s.HoldExpiresAt:MMMM d, yyyy}; please try again in a moment.");
    }

    /// <summary>
    /// A paid Checkout Session for a sponsorship (from the verified webhook). The amount and currency must be those the attempt
    /// asked for; then the sponsorship goes live through <see cref="SponsorSales.MarkPaidAsync"/>. A payment that cannot be applied
    /// (wrong amount, expired hold, already paid) changes nothing but is written to the sponsorship's history for an organizer.
    /// </summary>
    public async Task ConfirmPaidAsync(int sponsorshipId, string sessionId, long? attemptId, long? amountTotal, string? currency, string? paymentIntentId, CancellationToken ct)
    {
        var attempt = await db.SponsorshipPaymentAttempts.AsNoTracking()
            .FirstOrDefaultAsync(p => p.SponsorshipId == sponsorshipId && (p.Id == attemptId || p.SessionId == sessionId), ct);
        var paid = Money.Format(amountTotal ?? 0, currency ?? "usd");
        // In English: this goes to the log and the sponsorship's history, not to a person's page.
        var problem = attempt is null ? "it matches no card payment this site started"
            : amountTotal != attempt.AmountMinor || !string.Equals(currency, attempt.Currency, StringComparison.OrdinalIgnoreCase)
                ? $"Stripe reports {paid}, not the {Money.Format(attempt.AmountMinor, attempt.Currency)} asked"
                : (await sales.MarkPaidAsync(sponsorshipId, new SponsorPayment(SponsorPayment.Card, attempt.AmountMinor, paymentIntentId ?? sessionId), "stripe", ct))?.English;
        if (problem is null) return;

        log.LogWarning("Card payment {SessionId} for sponsorship {SponsorshipId} not applied: {Problem}", sessionId, sponsorshipId, problem);
        db.ChangeTracker.Clear();
        var s = await db.Sponsorships.FirstOrDefaultAsync(x => x.Id == sponsorshipId, ct);
        if (s is null) return;
        s.Log($"A card payment of {paid} ({paymentIntentId ?? sessionId}) was not applied: {problem.TrimEnd('.')}. Check it in Stripe; refund it or mark paid by hand.",
            time.GetUtcNow().UtcDateTime, "stripe");
        await db.SaveChangesAsync(ct);
    }
}

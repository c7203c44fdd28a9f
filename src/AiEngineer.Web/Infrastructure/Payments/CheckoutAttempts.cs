using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Payments;

/// <summary>
/// The retry-safe way to open a Stripe payment page, shared by ticket orders and sponsorships. A page still open is reused.
/// An attempt whose session was never created (Stripe failed or timed out) is retried under the same idempotency key, so
/// Stripe answers with the session it may already have made; otherwise a new attempt is saved before Stripe is called.
/// </summary>
public static class CheckoutAttempts
{
    /// <summary>
    /// The payment page's address, or null when the provider failed (the reason is kept on the attempt).
    /// <paramref name="createSession"/> must send the attempt's <see cref="ICheckoutAttempt.IdempotencyKey"/>.
    /// </summary>
    public static async Task<string?> OpenAsync<T>(AppDbContext db, IQueryable<T> attemptsOfThis, Func<T> newAttempt,
        Func<T, Task<CheckoutSession>> createSession, DateTime now, ILogger log, string payable, CancellationToken ct) where T : class, ICheckoutAttempt
    {
        var attempts = (await attemptsOfThis.ToListAsync(ct)).OrderByDescending(p => p.Id).ToList();
        var open = attempts.FirstOrDefault(p => p.CheckoutUrl is not null && p.SessionExpiresAt > now.AddMinutes(1));
        if (open is not null) return open.CheckoutUrl;

        var attempt = attempts.FirstOrDefault(p => p.SessionId is null);
        if (attempt is null)
        {
            attempt = newAttempt();
            db.Add(attempt);
            await db.SaveChangesAsync(ct);
        }
        try
        {
            var session = await createSession(attempt);
            attempt.SessionId = session.Id;
            attempt.CheckoutUrl = session.Url;
            attempt.SessionExpiresAt = session.ExpiresAt;
            attempt.LastError = null;
            await db.SaveChangesAsync(CancellationToken.None);
            log.LogInformation("Checkout session created for {Payable}", payable);
            return session.Url;
        }
        catch (Exception ex) when (ex is Stripe.StripeException or HttpRequestException or TaskCanceledException or TimeoutException)
        {
            attempt.LastError = ex.GetType().Name + ": " + ex.Message[..Math.Min(ex.Message.Length, 900)];
            await db.SaveChangesAsync(CancellationToken.None);
            log.LogWarning("Creating a checkout session for {Payable} failed: {Error}", payable, ex.GetType().Name);
            return null;
        }
    }
}

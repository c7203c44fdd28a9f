using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Payments;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Pages.Orders;

/// <summary>
/// Sends the buyer to Stripe Checkout. One attempt row per try: its key is Stripe's idempotency key, so a retry after
/// a timeout or a 500 reuses it and never creates a second session. Nothing here marks anything paid.
/// </summary>
public class PayModel(AppDbContext db, IPaymentGateway payments, TimeProvider time, IOptionsMonitor<SiteOptions> site,
    UserManager<Core.Accounts.AppUser> users, ILogger<PayModel> log) : PageModel
{
    public Order Order { get; private set; } = null!;
    public string? Token { get; private set; }
    public string? Problem { get; private set; }

    public Task<IActionResult> OnGetAsync(string code, string? token, CancellationToken ct) => PayAsync(code, token, ct);

    public Task<IActionResult> OnPostAsync(string code, string? token, CancellationToken ct) => PayAsync(code, token, ct);

    private async Task<IActionResult> PayAsync(string code, string? token, CancellationToken ct)
    {
        var order = await OrderAccess.FindAsync(db, code, token, users.GetUserId(User), ct);
        if (order is null) return NotFound();
        Order = order;
        Token = token ?? order.AccessToken;
        var orderLink = $"/orders/{order.Code}?token={Token}";
        if (order.Status != OrderStatus.Pending || order.PaymentMethod != PaymentMethod.Card) return Redirect(orderLink);
        if (!payments.IsConfigured)
        {
            Problem = "Card payments are not available right now. Please contact the organizers.";
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var attempts = await db.PaymentAttempts.Where(p => p.OrderId == order.Id).OrderByDescending(p => p.Id).ToListAsync(ct);
        var open = attempts.FirstOrDefault(p => p.CheckoutUrl is not null && p.SessionExpiresAt > now.AddMinutes(1));
        if (open is not null) return Redirect(open.CheckoutUrl!);

        // Reuse an attempt whose session was never created (the provider failed or timed out); otherwise start one.
        var attempt = attempts.FirstOrDefault(p => p.SessionId is null);
        if (attempt is null)
        {
            attempt = new PaymentAttempt { OrderId = order.Id, IdempotencyKey = Guid.NewGuid(), CreatedAt = now };
            db.PaymentAttempts.Add(attempt);
            await db.SaveChangesAsync(ct);
        }

        try
        {
            var types = order.Tickets.Select(t => t.TicketType).DistinctBy(t => t.Id).ToDictionary(t => t.Id);
            var session = await payments.CreateCheckoutAsync(order, types, attempt.IdempotencyKey,
                site.CurrentValue.Link(orderLink + "&paid=true"), site.CurrentValue.Link(orderLink + "&cancelled=true"), ct);
            attempt.SessionId = session.Id;
            attempt.CheckoutUrl = session.Url;
            attempt.SessionExpiresAt = session.ExpiresAt;
            attempt.LastError = null;
            await db.SaveChangesAsync(CancellationToken.None);
            log.LogInformation("Checkout session created for order {OrderCode}", order.Code);
            return Redirect(session.Url);
        }
        catch (Exception ex) when (ex is Stripe.StripeException or HttpRequestException or TaskCanceledException or TimeoutException)
        {
            attempt.LastError = ex.GetType().Name + ": " + ex.Message[..Math.Min(ex.Message.Length, 900)];
            await db.SaveChangesAsync(CancellationToken.None);
            log.LogWarning("Creating a checkout session for order {OrderCode} failed: {Error}", order.Code, ex.GetType().Name);
            Problem = "The payment provider did not answer. Your seats are still held; please try again in a moment.";
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }
}

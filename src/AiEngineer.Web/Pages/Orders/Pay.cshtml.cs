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
[Infrastructure.Payments.FormsPostToCheckout] // "Try again" ends on Stripe Checkout
public class PayModel(AppDbContext db, IPaymentGateway payments, TimeProvider time, IOptionsMonitor<SiteOptions> site,
    UserManager<Core.Accounts.AppUser> users, ILogger<PayModel> log,
    Microsoft.Extensions.Localization.IStringLocalizer<OrdersText> T) : PageModel
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
            Problem = T["Card payments are not available right now. Please contact the organizers."];
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var types = order.Tickets.Select(t => t.TicketType).DistinctBy(t => t.Id).ToDictionary(t => t.Id);
        var url = await CheckoutAttempts.OpenAsync(db, db.PaymentAttempts.Where(p => p.OrderId == order.Id),
            () => new PaymentAttempt { OrderId = order.Id, IdempotencyKey = Guid.NewGuid(), CreatedAt = now },
            attempt => payments.CreateCheckoutAsync(order, types, attempt.IdempotencyKey,
                site.CurrentValue.Link(orderLink + "&paid=true"), site.CurrentValue.Link(orderLink + "&cancelled=true"), ct),
            now, log, $"order {order.Code}", ct);
        if (url is not null) return Redirect(url);
        Problem = T["The payment provider did not answer. Your seats are still held; please try again in a moment."];
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Page();
    }
}

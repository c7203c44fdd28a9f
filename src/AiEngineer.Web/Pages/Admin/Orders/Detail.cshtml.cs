using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Payments;
using AiEngineer.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Orders;

/// <summary>One order with its timeline, and what an organizer may do to it. Every action is written to the timeline with who did it.</summary>
public class DetailModel(AppDbContext db, TicketSales sales, ITicketEmails emails, OrderRefunds refunds, TimeProvider time,
    Microsoft.Extensions.Localization.IStringLocalizer<AdminText> T, Microsoft.Extensions.Localization.IStringLocalizer<StatusText> L,
    RuleMessages rules) : PageModel
{
    public Order Order { get; private set; } = null!;

    [BindProperty, Display(Name = "Amount (USD)"), Range(0.01, 1_000_000, ErrorMessage = "Enter an amount to refund.")]
    public decimal RefundAmount { get; set; }

    private string Actor => User.Identity?.Name ?? "organizer";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct);
        if (order is null) return NotFound();
        Order = order;
        RefundAmount = order.RefundableMinor / 100m;
        return Page();
    }

    public async Task<IActionResult> OnPostMarkPaidAsync(long id, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct);
        if (order is null) return NotFound();
        if (order.Status != OrderStatus.Pending || order.PaymentMethod != PaymentMethod.Invoice)
            return Back(id, error: T["Only a pending invoice order can be marked paid; this one is {0}.", L.Label(order.Status)]);
        var result = await sales.MarkPaidAsync(id, PaymentMethod.Invoice, "invoice", Actor, ct);
        return Back(id, T["Order {0} is {1}; the tickets were emailed to {2}.", result!.Code, L.Label(result.Status), result.BuyerEmail]);
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct);
        if (order is null) return NotFound();
        try
        {
            await sales.CancelAsync(id, Actor, "Cancelled by an organizer", ct);
        }
        catch (OrderStateException ex) // already cancelled, expired or refunded: the order's own rule says so
        {
            return Back(id, error: rules[ex]);
        }
        return Back(id, order.Status == OrderStatus.Paid
            ? T["Order cancelled and seats released. Refund the payment below if it is due."]
            : T["Order cancelled and seats released."]);
    }

    public async Task<IActionResult> OnPostRefundAsync(long id, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct);
        if (order is null) return NotFound();
        if (!ModelState.IsValid) return Back(id, error: T["Enter an amount to refund."]);
        var amount = (long)Math.Round(RefundAmount * 100m);
        var error = await refunds.RefundAsync(order, amount, Actor, ct);
        return error is null ? Back(id, T["Refunded {0}.", Money.Format(amount, order.Currency)]) : Back(id, error: rules[error]);
    }

    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct, tracked: true);
        if (order is null) return NotFound();
        var now = time.GetUtcNow().UtcDateTime;
        if (emails.Resend(order, now) is not { } email) return Back(id, error: T["There is no email to resend for a {0} order.", L.Label(order.Status)]);
        db.OutboundEmails.Add(email);
        order.Log("resent", "Email sent again", now, Actor);
        await db.SaveChangesAsync(ct);
        return Back(id, T["Email queued to {0}.", order.BuyerEmail]);
    }

    private IActionResult Back(long id, string? message = null, string? error = null)
    {
        if (message is not null) TempData["AdminMessage"] = message;
        if (error is not null) TempData["AdminError"] = error;
        return Redirect($"/admin/orders/{id}");
    }

    private Task<Order?> LoadAsync(long id, CancellationToken ct, bool tracked = false)
    {
        var q = db.Orders.Include(o => o.Tickets).ThenInclude(t => t.TicketType).Include(o => o.Events).AsSplitQuery();
        return (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync(o => o.Id == id, ct);
    }
}

using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Pages.Orders;

/// <summary>The buyer's order page, reached by the secret link in the emails or from /my/tickets.</summary>
public class ShowModel(AppDbContext db, TimeProvider time, IOptionsMonitor<TicketingOptions> options, UserManager<Core.Accounts.AppUser> users) : PageModel
{
    public Order Order { get; private set; } = null!;
    public string? Token { get; private set; }
    public DateTime Now { get; private set; }
    public bool ReturnedFromPayment { get; private set; }
    public bool PaymentCancelled { get; private set; }
    public string BankDetails => options.CurrentValue.BankDetails;

    public async Task<IActionResult> OnGetAsync(string code, string? token, bool paid, bool cancelled, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var order = await OrderAccess.FindAsync(db, code, token, userId, ct);
        if (order is null) return NotFound();
        Order = order;
        Token = token;
        Now = time.GetUtcNow().UtcDateTime;
        ReturnedFromPayment = paid;
        PaymentCancelled = cancelled;
        return Page();
    }

    public string PayLink => $"/orders/{Order.Code}/pay?token={Token ?? Order.AccessToken}";
}

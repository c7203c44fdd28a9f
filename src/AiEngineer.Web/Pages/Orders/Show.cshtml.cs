using System.ComponentModel.DataAnnotations;
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
/// The buyer's order page, reached by the secret link in the emails or from /my/tickets. From here a buyer resends the email,
/// edits attendee details until the cut-off, transfers a ticket, and cancels under the published policy.
/// </summary>
public class ShowModel(AppDbContext db, TicketSales sales, ITicketEmails emails, OrderRefunds refunds, TimeProvider time,
    IOptionsMonitor<TicketingOptions> options, ConferenceContext conferences, UserManager<Core.Accounts.AppUser> users,
    Microsoft.Extensions.Localization.IStringLocalizer<OrdersText> T, Shared.RuleMessages rules) : PageModel
{
    public Order Order { get; private set; } = null!;
    public string? Token { get; private set; }
    public DateTime Now { get; private set; }
    public DateTime? Cutoff { get; private set; }
    public Core.Conference.ConferenceEvent? Conference { get; private set; }
    public bool ReturnedFromPayment { get; private set; }
    public bool PaymentCancelled { get; private set; }
    public string BankDetails => options.CurrentValue.BankDetails;
    /// <summary>In the visitor's language (<see cref="Infrastructure.Content.PolicyText"/>).</summary>
    public string RefundPolicy => Infrastructure.Content.PolicyText.RefundsFor(Conference, options.CurrentValue.RefundPolicy);
    public bool BeforeCutoff => Cutoff is null || Now < Cutoff;
    public bool CanCancel => BeforeCutoff && Order.Status is OrderStatus.Pending or OrderStatus.Paid;
    public string? Message { get; private set; }
    public string? Error { get; private set; }


    public sealed class AttendeeInput
    {
        public long TicketId { get; set; }
        [Display(Name = "Name"), Required(ErrorMessage = "Enter the attendee's name."), StringLength(Ticket.NameMaxLength)] public string Name { get; set; } = "";
        [Display(Name = "Email"), Required(ErrorMessage = "Enter the attendee's email."), EmailAddress, StringLength(Ticket.EmailMaxLength)] public string Email { get; set; } = "";
        [Display(Name = "Company"), StringLength(Ticket.FieldMaxLength)] public string? Company { get; set; }
        [Display(Name = "Job title"), StringLength(Ticket.FieldMaxLength)] public string? JobTitle { get; set; }
        [Display(Name = "Dietary needs"), StringLength(Ticket.NeedsMaxLength)] public string? Dietary { get; set; }
        [Display(Name = "Accessibility needs"), StringLength(Ticket.NeedsMaxLength)] public string? Accessibility { get; set; }
        [Display(Name = "T-shirt size"), StringLength(8)] public string? ShirtSize { get; set; }
    }

    public sealed class TransferInput
    {
        public long TicketId { get; set; }
        [Display(Name = "New holder's name"), Required(ErrorMessage = "Enter the new holder's name."), StringLength(Ticket.NameMaxLength)] public string Name { get; set; } = "";
        [Display(Name = "New holder's email"), Required(ErrorMessage = "Enter the new holder's email."), EmailAddress, StringLength(Ticket.EmailMaxLength)] public string Email { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string code, string? token, bool paid, bool cancelled, CancellationToken ct)
    {
        if (!await LoadAsync(code, token, ct)) return NotFound();
        ReturnedFromPayment = paid;
        PaymentCancelled = cancelled;
        Message = TempData["OrderMessage"] as string;
        Error = TempData["OrderError"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(string code, string? token, CancellationToken ct)
    {
        if (!await LoadAsync(code, token, ct)) return NotFound();
        var last = Order.Events.Where(e => e.Kind == "resent").Select(e => (DateTime?)e.At).Max();
        if (last is not null && Now - last < TimeSpan.FromMinutes(2)) return Back(T["The email was just sent; please wait a couple of minutes before asking again."], error: true);
        var order = await db.Orders.Include(o => o.Tickets).FirstAsync(o => o.Id == Order.Id, ct);
        if (emails.Resend(order, Now) is not { } email) return Back(T["There is no email to resend for this order."], error: true);
        db.OutboundEmails.Add(email);
        order.Log("resent", "Email sent again at the buyer's request", Now, order.BuyerEmail);
        await db.SaveChangesAsync(ct);
        return Back(T["We sent the email to {0} again.", order.BuyerEmail]);
    }

    public async Task<IActionResult> OnPostEditAsync(string code, string? token, [Bind(Prefix = "Attendee")] AttendeeInput attendee, CancellationToken ct)
    {
        if (!await LoadAsync(code, token, ct)) return NotFound();
        if (!ModelState.IsValid) return Back(FirstError() ?? T["Check the attendee's details."], error: true);
        if (!BeforeCutoff) return Back(T["Attendee details can no longer be changed; transfer the ticket instead."], error: true);
        if (Order.Status is not (OrderStatus.Pending or OrderStatus.Paid)) return Back(T["This order can no longer be changed."], error: true);
        if (attendee.ShirtSize is { Length: > 0 } size && !Ticket.ShirtSizes.Contains(size)) return Back(T["Unknown T-shirt size '{0}'.", size], error: true);
        var ticket = await db.Tickets.Include(t => t.Order).Include(t => t.TicketType).FirstOrDefaultAsync(t => t.Id == attendee.TicketId && t.OrderId == Order.Id, ct);
        if (ticket is null) return NotFound();
        ticket.AttendeeName = attendee.Name.Trim();
        ticket.AttendeeEmail = attendee.Email.Trim();
        ticket.Company = Blank(attendee.Company);
        ticket.JobTitle = Blank(attendee.JobTitle);
        ticket.Dietary = Blank(attendee.Dietary);
        ticket.Accessibility = Blank(attendee.Accessibility);
        ticket.ShirtSize = ticket.TicketType.Kind == TicketKind.InPerson ? Blank(attendee.ShirtSize) : null;
        ticket.Order.Log("edited", $"Attendee details of {ticket.AttendeeName} updated", Now, ticket.Order.BuyerEmail);
        await db.SaveChangesAsync(ct);
        return Back(T["Attendee details saved."]);
    }

    public async Task<IActionResult> OnPostTransferAsync(string code, string? token, [Bind(Prefix = "Transfer")] TransferInput transfer, CancellationToken ct)
    {
        if (!await LoadAsync(code, token, ct)) return NotFound();
        if (!ModelState.IsValid) return Back(FirstError() ?? T["Enter the new holder's name and email."], error: true);
        var (ticket, error) = await sales.TransferAsync(Order.Id, transfer.TicketId, transfer.Name, transfer.Email, Order.BuyerEmail, ct);
        return error is not null ? Back(rules[error], error: true)
            : Back(T["The ticket now belongs to {0}, who has been emailed a new code. The old code no longer works.", ticket!.AttendeeName]);
    }

    public async Task<IActionResult> OnPostCancelAsync(string code, string? token, CancellationToken ct)
    {
        if (!await LoadAsync(code, token, ct)) return NotFound();
        if (!CanCancel) return Back(T["This order can no longer be cancelled online. Tickets can still be transferred."], error: true);
        var wasPaid = Order.Status == OrderStatus.Paid && Order.TotalMinor > 0;
        Order? cancelled;
        try
        {
            cancelled = await sales.CancelAsync(Order.Id, Order.BuyerEmail, "Cancelled by the buyer", ct);
        }
        catch (OrderStateException ex) // cancelled meanwhile (another tab, an organizer): the order's own rule says so
        {
            return Back(rules[ex], error: true);
        }
        if (!wasPaid) return Back(T["Your order is cancelled."]);
        if (cancelled!.PaymentMethod == PaymentMethod.Card)
        {
            var error = await refunds.RefundAsync(cancelled, cancelled.TotalMinor - cancelled.RefundedMinor, Order.BuyerEmail, ct);
            return Back(error is null ? T["Your order is cancelled and refunded in full to your card."] : T["Your order is cancelled; the organizers will refund you shortly."]);
        }
        return Back(T["Your order is cancelled. The organizers will refund your bank transfer."]);
    }

    private async Task<bool> LoadAsync(string code, string? token, CancellationToken ct)
    {
        var order = await OrderAccess.FindAsync(db, code, token, users.GetUserId(User), ct);
        if (order is null) return false;
        Order = order;
        Token = token;
        Now = time.GetUtcNow().UtcDateTime;
        var conference = Conference = await conferences.GetAsync(ct);
        Cutoff = conference is null ? null : OrderPolicy.ChangeCutoff(conference.StartDate, conference.TimeZone, options.CurrentValue.ChangeCutoffDaysBeforeEvent);
        return true;
    }

    private string? FirstError() => ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault(m => m.Length > 0);

    private IActionResult Back(string message, bool error = false)
    {
        TempData[error ? "OrderError" : "OrderMessage"] = message;
        return Redirect($"/orders/{Order.Code}" + (Token is null ? "" : $"?token={Token}"));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public string PayLink => $"/orders/{Order.Code}/pay?token={Token ?? Order.AccessToken}";
}

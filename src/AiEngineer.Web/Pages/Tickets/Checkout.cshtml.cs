using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Pages.Tickets;

/// <summary>Attendee and buyer details, the server's price, the payment method; placing the order holds the seats.</summary>
[Infrastructure.Payments.FormsPostToCheckout] // "Place order" by card ends on Stripe Checkout
public class CheckoutModel(AppDbContext db, TicketSales sales, Infrastructure.Tickets.TicketTypeStore ticketTypes, UserManager<AppUser> users,
    IOptionsMonitor<TicketingOptions> options, TimeProvider time, Infrastructure.Payments.IPaymentGateway payments, ILogger<CheckoutModel> log,
    Infrastructure.Site.ConferenceContext conferences, Microsoft.Extensions.Localization.IStringLocalizer<TicketsText> T,
    Shared.RuleMessages rules, Infrastructure.Tickets.WaitingRoomGate queue) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public Dictionary<int, TicketType> Types { get; private set; } = new();
    public PriceQuote? Quote { get; private set; }
    public bool InvoiceEnabled => options.CurrentValue.InvoiceEnabled;
    public bool CardEnabled => payments.IsConfigured;
    /// <summary>Why the order was not placed, in the visitor's language: the form's problems, or the sale's (Core's) refusal.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public sealed class InputModel
    {
        public Guid IdempotencyKey { get; set; }
        [Display(Name = "Voucher code"), StringLength(Core.Tickets.Voucher.CodeMaxLength)] public string? Voucher { get; set; }
        public List<AttendeeModel> Attendees { get; set; } = [];
        [Display(Name = "Name"), Required(ErrorMessage = "Enter the buyer's name."), StringLength(Order.NameMaxLength)] public string BuyerName { get; set; } = "";
        [Display(Name = "Email"), Required(ErrorMessage = "Enter the buyer's email."), EmailAddress, StringLength(Order.EmailMaxLength)] public string BuyerEmail { get; set; } = "";
        [Display(Name = "Company"), StringLength(Order.CompanyMaxLength)] public string? BuyerCompany { get; set; }
        [Display(Name = "Invoice address"), StringLength(Order.AddressMaxLength)] public string? InvoiceAddress { get; set; }
        [Display(Name = "VAT ID"), StringLength(Order.VatIdMaxLength)] public string? VatId { get; set; }
        public PaymentMethod Method { get; set; } = PaymentMethod.Card;
    }

    public sealed class AttendeeModel
    {
        public int TicketTypeId { get; set; }
        [Display(Name = "Name"), Required(ErrorMessage = "Enter each attendee's name."), StringLength(Ticket.NameMaxLength)] public string Name { get; set; } = "";
        [Display(Name = "Email"), Required(ErrorMessage = "Enter each attendee's email."), EmailAddress, StringLength(Ticket.EmailMaxLength)] public string Email { get; set; } = "";
        [Display(Name = "Company"), StringLength(Ticket.FieldMaxLength)] public string? Company { get; set; }
        [Display(Name = "Job title"), StringLength(Ticket.FieldMaxLength)] public string? JobTitle { get; set; }
        [Display(Name = "Dietary needs"), StringLength(Ticket.NeedsMaxLength)] public string? Dietary { get; set; }
        [Display(Name = "Accessibility needs"), StringLength(Ticket.NeedsMaxLength)] public string? Accessibility { get; set; }
        [Display(Name = "T-shirt size"), StringLength(8)] public string? ShirtSize { get; set; }
    }

    public async Task<IActionResult> OnGetAsync([FromQuery] Dictionary<int, int>? qty, string? voucher, CancellationToken ct)
    {
        if (await conferences.IsOverAsync(ct)) return Redirect("/tickets"); // whatever a type's own sale window says
        var chosen = (qty ?? new()).Where(kv => kv.Value > 0).ToList();
        if (chosen.Count == 0 || chosen.Any(kv => kv.Value > 50))
        {
            TempData["TicketsMessage"] = rules["Choose at least one ticket."]; // the sale's own sentence
            return Redirect("/tickets" + (string.IsNullOrWhiteSpace(voucher) ? "" : "?voucher=" + Uri.EscapeDataString(voucher)));
        }
        Input.IdempotencyKey = Guid.NewGuid();
        Input.Voucher = voucher;
        foreach (var (typeId, count) in chosen)
            for (var i = 0; i < count; i++) Input.Attendees.Add(new AttendeeModel { TicketTypeId = typeId });
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } me)
        {
            Input.BuyerName = me.DisplayName ?? "";
            Input.BuyerEmail = me.Email ?? "";
            if (Input.Attendees.Count == 1) { Input.Attendees[0].Name = Input.BuyerName; Input.Attendees[0].Email = Input.BuyerEmail; }
        }
        if (!await LoadAsync(ct)) return Redirect("/tickets");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Attendees.Count == 0 || await conferences.IsOverAsync(ct)) return Redirect("/tickets"); // /tickets says sales have closed
        if (!await LoadAsync(ct)) return Redirect("/tickets");
        foreach (var a in Input.Attendees.Where(a => a.ShirtSize is { Length: > 0 } && !Ticket.ShirtSizes.Contains(a.ShirtSize)))
            ModelState.AddModelError("", T["Unknown T-shirt size '{0}'.", a.ShirtSize!]);
        if (Input.Method == PaymentMethod.Card && !CardEnabled && (Quote?.Total ?? 0) > 0)
            ModelState.AddModelError("", T["Card payments are not available; choose another way to pay."]);
        if (!ModelState.IsValid)
        {
            Errors = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct().ToList();
            return Page();
        }

        var request = new OrderRequest(
            Input.IdempotencyKey == Guid.Empty ? Guid.NewGuid() : Input.IdempotencyKey,
            Input.Attendees.Select(a => new AttendeeInput(a.TicketTypeId, a.Name, a.Email, a.Company, a.JobTitle, a.Dietary, a.Accessibility, a.ShirtSize)).ToList(),
            new BuyerInput(Input.BuyerName, Input.BuyerEmail, Input.BuyerCompany, Input.InvoiceAddress, Input.VatId),
            Input.Voucher,
            Input.Method,
            users.GetUserId(User));
        // While the waiting room is on, the middleware let this POST through only with a place whose pass this order
        // now claims: a pass buys once (the same form posted again is the same order), and not after it has run out.
        var pass = HttpContext.Items[Infrastructure.Tickets.WaitingRoomMiddleware.EntryItem] as QueueEntry;
        if (pass is not null && !await queue.ClaimAsync(pass.Id, request.IdempotencyKey, ct))
        {
            Errors = [T["Your turn to buy has ended, or your pass has already bought an order. Join the line again to buy."]];
            return Page();
        }
        var outcome = await sales.PlaceOrderAsync(request, Types, ct); // the types were read just above
        if (!outcome.Succeeded)
        {
            if (pass is not null) await queue.ReleaseAsync(pass.Id, request.IdempotencyKey, ct); // nothing bought: the pass may try again while it runs
            Errors = outcome.Errors.Select(e => rules[e]).ToList(); // the form again, with the types and quote read above
            return Page();
        }
        var order = outcome.Order!;
        log.LogInformation("Order {OrderCode} placed ({Method}, {Status})", order.Code, order.PaymentMethod, order.Status);
        if (order.PaymentMethod == PaymentMethod.Card && order.Status == OrderStatus.Pending)
            return Redirect($"/orders/{order.Code}/pay?token={order.AccessToken}");
        return Redirect($"/orders/{order.Code}?token={order.AccessToken}");
    }

    /// <summary>Loads the chosen types and prices the order on the server. False when the choice no longer makes sense.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var ids = Input.Attendees.Select(a => a.TicketTypeId).Distinct().ToList();
        Types = await ticketTypes.GetAsync(ids, ct); // shared and a few seconds old at most; see TicketTypeStore
        if (Types.Count != ids.Count) return false;
        Voucher? voucher = null;
        if (!string.IsNullOrWhiteSpace(Input.Voucher))
            voucher = await db.Vouchers.AsNoTracking().Include(v => v.TicketTypes).FirstOrDefaultAsync(v => v.Code == Voucher.Normalize(Input.Voucher), ct);
        var attendees = Input.Attendees.Select(a => new AttendeeInput(a.TicketTypeId, "", "", null, null, null, null, null)).ToList();
        Quote = PriceQuote.For(attendees, Types, voucher is not null && voucher.ProblemAt(time.GetUtcNow().UtcDateTime) is null ? voucher : null);
        return true;
    }
}

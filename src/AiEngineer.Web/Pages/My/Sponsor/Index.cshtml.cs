using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Data;
using AiEngineer.Core.Sponsors;
using AiEngineer.Web.Infrastructure.Content;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.My.Sponsor;

/// <summary>The sponsor contact's portal: status, card payment and receipt, description, and a new logo for an organizer to approve.</summary>
[RequestSizeLimit(LogoProcessor.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = LogoProcessor.MaxBytes + 1024 * 1024)]
[Infrastructure.Payments.FormsPostToCheckout] // "Pay by card" ends on Stripe Checkout
public class IndexModel(AppDbContext db, UserManager<AppUser> users, TimeProvider time, Core.Tickets.TicketSales sales,
    Infrastructure.Sponsors.SponsorCardPayments cardPayments, Microsoft.Extensions.Localization.IStringLocalizer<MyText> T,
    Shared.RuleMessages rules) : PageModel
{
    public Dictionary<int, Core.Tickets.Voucher> Vouchers { get; private set; } = new();

    public IReadOnlyList<Sponsorship> Sponsorships { get; private set; } = [];
    [BindProperty, Required(ErrorMessage = "Describe the company in a few sentences."), StringLength(Sponsorship.DescriptionMaxLength, ErrorMessage = "The description can be at most {1} characters.")]
    [Display(Name = "Description")]
    public string Description { get; set; } = "";
    [BindProperty] public IFormFile? Logo { get; set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    /// <summary>The sponsorship whose Stripe payment page just sent the contact back (not proof of payment: only the webhook is).</summary>
    public int? ReturnedFromPayment { get; private set; }

    public bool CanPayByCard(Sponsorship s) => cardPayments.CanPay(s);

    public async Task OnGetAsync(int? paid, CancellationToken ct)
    {
        ReturnedFromPayment = paid;
        await LoadAsync(ct);
        Message = TempData["SponsorMessage"] as string;
        Error = TempData["SponsorError"] as string;
    }

    public async Task<IActionResult> OnPostDescriptionAsync(int id, CancellationToken ct)
    {
        var s = await MineAsync(id, ct);
        if (s is null) return NotFound();
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        s.Description = Description.Trim();
        s.Log("Description updated by the contact", time.GetUtcNow().UtcDateTime, User.Identity?.Name);
        await db.SaveChangesAsync(ct);
        TempData["SponsorMessage"] = T["Description saved."].Value;
        return Redirect("/my/sponsor");
    }

    public async Task<IActionResult> OnPostLogoAsync(int id, CancellationToken ct)
    {
        ModelState.Remove(nameof(Description));
        var s = await MineAsync(id, ct);
        if (s is null) return NotFound();
        var (logo, error) = await LogoProcessor.ProcessAsync(Logo, ct);
        if (logo is null) { ModelState.AddModelError("Logo", rules[error!]); await LoadAsync(ct); return Page(); }
        var now = time.GetUtcNow().UtcDateTime;
        var pending = new SponsorLogo { Content = logo.Content, ContentType = logo.ContentType, UploadedAt = now };
        db.SponsorLogos.Add(pending);
        await db.SaveChangesAsync(ct);
        s.PendingLogoId = pending.Id;
        s.Log("New logo uploaded; waiting for an organizer's approval", now, User.Identity?.Name);
        await db.SaveChangesAsync(ct);
        TempData["SponsorMessage"] = T["Thanks: the new logo goes live once an organizer approves it."].Value;
        return Redirect("/my/sponsor");
    }

    /// <summary>Sends the contact to Stripe Checkout for an approved, unpaid sponsorship of theirs; the webhook marks it paid.</summary>
    public async Task<IActionResult> OnPostPayAsync(int id, CancellationToken ct)
    {
        ModelState.Remove(nameof(Description));
        var me = users.GetUserId(User);
        var s = await db.Sponsorships.AsNoTracking().Include(x => x.Tier).FirstOrDefaultAsync(x => x.Id == id && x.ContactUserId == me, ct);
        if (s is null) return NotFound();
        var (url, error) = await cardPayments.StartAsync(s, ct);
        return url is null ? Problem(rules[error!]) : Redirect(url);
    }

    /// <summary>Issues one of the tier's included tickets straight to a named attendee, through the sponsorship's voucher.</summary>
    public async Task<IActionResult> OnPostIssueAsync(int id, string? name, string? email, CancellationToken ct)
    {
        ModelState.Remove(nameof(Description));
        var s = await MineAsync(id, ct);
        if (s is null) return NotFound();
        if (s.Status != SponsorshipStatus.Live || s.TicketVoucherId is null) return Problem(T["Included tickets are available once the sponsorship is paid."]);
        if (string.IsNullOrWhiteSpace(name) || name.Length > Core.Tickets.Ticket.NameMaxLength) return Problem(T["Enter the attendee's name."]);
        if (string.IsNullOrWhiteSpace(email) || email.Length > Core.Tickets.Ticket.EmailMaxLength || !System.Net.Mail.MailAddress.TryCreate(email, out _)) return Problem(T["Enter the attendee's email address."]);
        var voucher = await db.Vouchers.AsNoTracking().Include(v => v.TicketTypes).FirstAsync(v => v.Id == s.TicketVoucherId, ct);
        var typeId = voucher.TicketTypes.Single().TicketTypeId;
        var outcome = await sales.PlaceOrderAsync(new Core.Tickets.OrderRequest(Guid.NewGuid(),
            [new Core.Tickets.AttendeeInput(typeId, name.Trim(), email.Trim(), s.CompanyName, null, null, null, null)],
            new Core.Tickets.BuyerInput(name.Trim(), email.Trim(), s.CompanyName, null, null), voucher.Code, Core.Tickets.PaymentMethod.Comp, users.GetUserId(User)), ct);
        if (!outcome.Succeeded) return Problem(rules.Join(outcome.Errors));
        TempData["SponsorMessage"] = T["Ticket issued to {0}; they have been emailed.", name.Trim()].Value;
        return Redirect("/my/sponsor");
    }

    private IActionResult Problem(string message)
    {
        TempData["SponsorError"] = message;
        return Redirect("/my/sponsor");
    }

    private Task<Sponsorship?> MineAsync(int id, CancellationToken ct)
    {
        var me = users.GetUserId(User);
        return db.Sponsorships.FirstOrDefaultAsync(s => s.Id == id && s.ContactUserId == me, ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = users.GetUserId(User);
        Sponsorships = await db.Sponsorships.AsNoTracking().Include(s => s.Tier).Include(s => s.Events)
            .Where(s => s.ContactUserId == me).OrderByDescending(s => s.Id).ToListAsync(ct);
        var ids = Sponsorships.Where(s => s.TicketVoucherId != null).Select(s => s.TicketVoucherId!.Value).ToList();
        Vouchers = await db.Vouchers.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
    }
}

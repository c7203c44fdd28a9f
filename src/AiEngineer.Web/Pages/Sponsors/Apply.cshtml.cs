using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Data;
using AiEngineer.Core.Sponsors;
using AiEngineer.Web.Infrastructure.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Sponsors;

/// <summary>A company applies: the form, the logo (sanitized or re-encoded) and an atomic slot hold.</summary>
[Authorize]
[RequestSizeLimit(LogoProcessor.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = LogoProcessor.MaxBytes + 1024 * 1024)]
public class ApplyModel(AppDbContext db, SponsorSales sales, UserManager<AppUser> users, TimeProvider time,
    Microsoft.Extensions.Localization.IStringLocalizer<SponsorsText> T, Shared.RuleMessages rules) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Logo { get; set; }
    public IReadOnlyList<SponsorTier> Tiers { get; private set; } = [];

    public sealed class InputModel
    {
        public Guid IdempotencyKey { get; set; }
        public int TierId { get; set; }
        [Display(Name = "Company name"), Required(ErrorMessage = "Enter the company name."), StringLength(Sponsorship.CompanyMaxLength)] public string CompanyName { get; set; } = "";
        [Display(Name = "Website"), Required(ErrorMessage = "Enter the company website."), Url(ErrorMessage = "Enter the website as a full address, like https://example.com."), StringLength(Sponsorship.UrlMaxLength)] public string Website { get; set; } = "";
        [Display(Name = "Contact name"), Required(ErrorMessage = "Enter the contact's name."), StringLength(Sponsorship.NameMaxLength)] public string ContactName { get; set; } = "";
        [Display(Name = "Contact email"), Required(ErrorMessage = "Enter the contact's email."), EmailAddress, StringLength(Sponsorship.EmailMaxLength)] public string ContactEmail { get; set; } = "";
        [Display(Name = "Phone"), Required(ErrorMessage = "Enter a phone number."), Phone(ErrorMessage = "The {0} field is not a valid phone number."), StringLength(Sponsorship.PhoneMaxLength)] public string ContactPhone { get; set; } = "";
        [Display(Name = "Billing address"), Required(ErrorMessage = "Enter the billing address."), StringLength(Sponsorship.AddressMaxLength)] public string BillingAddress { get; set; } = "";
        [Display(Name = "VAT ID"), StringLength(Sponsorship.VatIdMaxLength)] public string? VatId { get; set; }
        [Display(Name = "Short description"), Required(ErrorMessage = "Describe the company in a few sentences."), StringLength(Sponsorship.DescriptionMaxLength, ErrorMessage = "The description can be at most {1} characters.")] public string Description { get; set; } = "";
    }

    public async Task OnGetAsync(int? tier, CancellationToken ct)
    {
        await LoadAsync(ct);
        var me = await users.GetUserAsync(User);
        Input = new InputModel
        {
            IdempotencyKey = Guid.NewGuid(),
            TierId = tier ?? Tiers.FirstOrDefault(t => t.Open && t.Remaining > 0)?.Id ?? 0,
            ContactName = me?.DisplayName ?? "",
            ContactEmail = me?.Email ?? "",
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Input.Website is { Length: > 0 } w && !(w.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || w.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
            ModelState.AddModelError("Input.Website", T["Enter the website as a full address, like https://example.com."]);
        if (!ModelState.IsValid) return Page();
        var (logo, logoError) = await LogoProcessor.ProcessAsync(Logo, ct);
        if (logo is null)
        {
            ModelState.AddModelError("Logo", rules[logoError!]);
            return Page();
        }
        var (sponsorship, error) = await sales.ApplyAsync(new SponsorApplication(
            Input.IdempotencyKey == Guid.Empty ? Guid.NewGuid() : Input.IdempotencyKey, users.GetUserId(User)!, Input.TierId,
            Input.CompanyName, Input.Website, Input.ContactName, Input.ContactEmail, Input.ContactPhone, Input.BillingAddress, Input.VatId,
            Input.Description, new SponsorLogo { Content = logo.Content, ContentType = logo.ContentType, UploadedAt = time.GetUtcNow().UtcDateTime }), ct);
        if (sponsorship is null)
        {
            ModelState.AddModelError("", rules[error!]);
            return Page();
        }
        return Redirect("/my/sponsor");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Tiers = await db.SponsorTiers.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
}

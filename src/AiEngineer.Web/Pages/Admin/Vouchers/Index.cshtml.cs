using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Vouchers;

/// <summary>Lists vouchers with their uses, and creates new ones.</summary>
public class IndexModel(AppDbContext db, ConferenceContext conferences, Microsoft.Extensions.Localization.IStringLocalizer<AdminVouchersText> T, Shared.RuleMessages rules) : PageModel
{
    public IReadOnlyList<Voucher> Vouchers { get; private set; } = [];
    public IReadOnlyList<TicketType> Types { get; private set; } = [];
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Code"), Required, StringLength(Voucher.CodeMaxLength)] public string Code { get; set; } = "";
        [Display(Name = "Kind")] public VoucherKind Kind { get; set; } = VoucherKind.PercentOff;
        [Display(Name = "Percent or amount (USD)"), Range(0, 1_000_000)] public decimal Value { get; set; }
        [Display(Name = "Uses (one per ticket)"), Range(1, 100_000)] public int MaxUses { get; set; } = 1;
        [Display(Name = "Valid from")] public DateTime? ValidFrom { get; set; }
        [Display(Name = "Valid until")] public DateTime? ValidUntil { get; set; }
        public bool UnlocksHidden { get; set; }
        public List<int> TicketTypeIds { get; set; } = [];
        [Display(Name = "Note (who it is for)"), StringLength(500)] public string? Note { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var conference = await conferences.GetAsync(ct);
        var validFrom = ModelState.ToUtc(conference, Input.ValidFrom, "Input.ValidFrom", rules);
        var validUntil = ModelState.ToUtc(conference, Input.ValidUntil, "Input.ValidUntil", rules);
        if (!ModelState.IsValid) return Page();
        var voucher = new Voucher
        {
            Code = Voucher.Normalize(Input.Code),
            Kind = Input.Kind,
            // Percent is a whole number; an amount is entered in dollars and kept in cents.
            Value = Input.Kind == VoucherKind.AmountOff ? (long)(Input.Value * 100) : (long)Input.Value,
            MaxUses = Input.MaxUses,
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            UnlocksHidden = Input.UnlocksHidden,
            Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim(),
        };
        var known = Types.Select(t => t.Id).ToHashSet();
        foreach (var id in Input.TicketTypeIds.Distinct().Where(known.Contains)) voucher.TicketTypes.Add(new VoucherTicketType { TicketTypeId = id });
        foreach (var p in voucher.Validate()) ModelState.AddModelError("", rules[p]);
        if (await db.Vouchers.AnyAsync(v => v.Code == voucher.Code, ct)) ModelState.AddModelError("", T["A voucher {0} already exists.", voucher.Code]);
        if (!ModelState.IsValid) return Page();
        db.Vouchers.Add(voucher);
        await db.SaveChangesAsync(ct);
        TempData["AdminMessage"] = T["Created voucher {0}.", voucher.Code].Value;
        return Redirect("/admin/vouchers");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Vouchers = await db.Vouchers.AsNoTracking().Include(v => v.TicketTypes).OrderByDescending(v => v.Id).ToListAsync(ct);
        Types = await db.TicketTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
    }
}

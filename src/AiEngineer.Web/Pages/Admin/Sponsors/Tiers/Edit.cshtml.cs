using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Data;
using AiEngineer.Core.Sponsors;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Sponsors.Tiers;

/// <summary>Creates or edits a sponsor tier. Its slots never go below the sponsorships holding one; its name is unique.</summary>
public class EditModel(AppDbContext db, Infrastructure.Localization.TranslationForm translations,
    Microsoft.Extensions.Localization.IStringLocalizer<AdminSponsorsText> T, Shared.RuleMessages rules) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public int? Id { get; private set; }
    public int Taken { get; private set; }
    public IReadOnlyList<SelectListItem> TicketTypes { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Name"), Required(ErrorMessage = "A tier needs a name."), StringLength(SponsorTier.NameMaxLength)] public string Name { get; set; } = "";
        // Decimal limits: with int limits RangeAttribute converts the value to int first, and -0.01 became 0 and passed.
        [Range(typeof(decimal), "0", "10000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "The price must be between $0 and $10,000,000."), Display(Name = "Price (USD)")] public decimal Price { get; set; }
        [Display(Name = "Slots"), Range(0, 1000, ErrorMessage = "Slots must be between 0 and 1,000.")] public int Slots { get; set; }
        [Display(Name = "Benefits"), StringLength(SponsorTier.BenefitsMaxLength)] public string? Benefits { get; set; }
        [Display(Name = "Included tickets"), Range(0, 1000, ErrorMessage = "Included tickets must be between 0 and 1,000.")] public int IncludedTickets { get; set; }
        [Display(Name = "Ticket type of the included tickets")] public int? IncludedTicketTypeId { get; set; }
        [Display(Name = "Display order"), Range(0, 1000)] public int SortOrder { get; set; }
        public bool Open { get; set; } = true;
        /// <summary>The name and benefits in the other languages.</summary>
        public Dictionary<string, string?> Translations { get; set; } = new();
    }

    public static readonly IReadOnlyDictionary<string, (string Label, int Max)> TranslatedFields = new Dictionary<string, (string, int)>
    {
        [nameof(SponsorTier.Name)] = ("Name", SponsorTier.NameMaxLength),
        [nameof(SponsorTier.Benefits)] = ("Benefits", SponsorTier.BenefitsMaxLength),
    };

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        await LoadTicketTypesAsync(ct);
        if (id is null) return Page();
        var t = await db.SponsorTiers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return NotFound();
        Id = t.Id;
        Taken = t.Taken;
        Input = new InputModel
        {
            Name = t.Name, Price = t.PriceMinor / 100m, Slots = t.Slots, Benefits = t.Benefits, IncludedTickets = t.IncludedTickets,
            IncludedTicketTypeId = t.IncludedTicketTypeId, SortOrder = t.SortOrder, Open = t.Open,
            Translations = translations.Fill(t.Translations, [.. TranslatedFields.Keys]),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        await LoadTicketTypesAsync(ct);
        Id = id;
        SponsorTier? tier = null;
        if (id is not null)
        {
            tier = await db.SponsorTiers.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (tier is null) return NotFound();
            Taken = tier.Taken;
        }
        if (Input.Price != decimal.Round(Input.Price, 2)) ModelState.AddModelError("Input.Price", T["Use at most two decimals."]);
        if (Input.IncludedTicketTypeId is { } typeId && !TicketTypes.Any(t => t.Value == typeId.ToString()))
            ModelState.AddModelError("Input.IncludedTicketTypeId", T["Choose a ticket type that exists."]);
        if (!ModelState.IsValid) return Page();
        var name = Input.Name.Trim();
        if (await NameTakenAsync(name, id, ct))
        {
            ModelState.AddModelError("Input.Name", T["There is already a tier called {0}.", name]);
            return Page();
        }

        var candidate = tier ?? new SponsorTier();
        var before = tier is null ? null : T["{0}, {1}, {2} slots", tier.Name, Money.Format(tier.PriceMinor, tier.Currency), tier.Slots].Value;
        candidate.Name = name;
        candidate.PriceMinor = (long)(Input.Price * 100);
        candidate.Slots = Input.Slots;
        candidate.Benefits = Input.Benefits?.Trim() ?? "";
        candidate.IncludedTickets = Input.IncludedTickets;
        candidate.IncludedTicketTypeId = Input.IncludedTickets > 0 ? Input.IncludedTicketTypeId : null;
        candidate.SortOrder = Input.SortOrder;
        candidate.Open = Input.Open;
        var problems = candidate.Validate();
        var posted = Input.Translations.ToDictionary(kv => kv.Key, kv => kv.Value?.Trim().ReplaceLineEndings("\n"));
        if (!translations.Apply(candidate.Translations, posted, TranslatedFields, ModelState, nameof(Input), T))
        {
            db.ChangeTracker.Clear();
            return Page();
        }
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError("", rules[p]);
            return Page();
        }
        if (tier is null) db.SponsorTiers.Add(candidate);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The check constraint (Taken <= Slots) or the unique name: someone applied or saved meanwhile.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", await NameTakenAsync(name, id, ct)
                ? T["There is already a tier called {0}.", name]
                : T["A company applied meanwhile; the slots cannot go below the slots held. Reload and try again."]);
            return Page();
        }
        TempData["AdminMessage"] = before is null ? T["Created the {0} tier.", candidate.Name].Value : T["Saved {0} (was: {1}).", candidate.Name, before].Value;
        return Redirect("/admin/sponsors");
    }

    private Task<bool> NameTakenAsync(string name, int? id, CancellationToken ct)
    {
        var lower = name.ToLower();
        return db.SponsorTiers.AnyAsync(t => t.Id != id && t.Name.ToLower() == lower, ct);
    }

    private async Task LoadTicketTypesAsync(CancellationToken ct) =>
        TicketTypes = await db.TicketTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync(ct);
}

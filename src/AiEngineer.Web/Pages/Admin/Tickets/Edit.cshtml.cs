using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Tickets;

/// <summary>Creates or edits a ticket type. Times are entered in the event's time zone and stored as UTC.</summary>
public class EditModel(AppDbContext db, ConferenceContext conferences, Infrastructure.Localization.TranslationForm translations,
    Microsoft.Extensions.Localization.IStringLocalizer<AdminTicketsText> T, Shared.RuleMessages rules) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public int? Id { get; private set; }
    public int Taken { get; private set; }
    public string TimeZone { get; private set; } = "UTC";

    public sealed class InputModel
    {
        [Display(Name = "Name"), Required, StringLength(TicketType.NameMaxLength)] public string Name { get; set; } = "";
        [Display(Name = "Description"), StringLength(TicketType.DescriptionMaxLength)] public string? Description { get; set; }
        [Display(Name = "Kind")] public TicketKind Kind { get; set; }
        // Decimal limits: with int limits RangeAttribute converts the value to int first, and -0.01 became 0 and passed.
        [Range(typeof(decimal), "0", "1000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "The price must be between $0 and $1,000,000."), Display(Name = "Price (USD)")] public decimal Price { get; set; }
        [Display(Name = "Capacity"), Range(0, 1_000_000)] public int Capacity { get; set; }
        [Display(Name = "Minimum per order"), Range(1, 100)] public int MinPerOrder { get; set; } = 1;
        [Display(Name = "Maximum per order"), Range(1, 100)] public int MaxPerOrder { get; set; } = 10;
        [Display(Name = "Sale starts")] public DateTime? SaleStartsAt { get; set; }
        [Display(Name = "Sale ends")] public DateTime? SaleEndsAt { get; set; }
        public bool Hidden { get; set; }
        [Display(Name = "Display order"), Range(0, 1000)] public int SortOrder { get; set; }
        /// <summary>The name and description in the other languages.</summary>
        public Dictionary<string, string?> Translations { get; set; } = new();
    }

    /// <summary>The fields with a version per language, with their labels and limits.</summary>
    public static readonly IReadOnlyDictionary<string, (string Label, int Max)> TranslatedFields = new Dictionary<string, (string, int)>
    {
        [nameof(TicketType.Name)] = ("Name", TicketType.NameMaxLength),
        [nameof(TicketType.Description)] = ("Description", TicketType.DescriptionMaxLength),
    };

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        TimeZone = conference?.TimeZoneId ?? "UTC";
        if (id is null) return Page();
        var t = await db.TicketTypes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return NotFound();
        Id = t.Id;
        Taken = t.Taken;
        Input = new InputModel
        {
            Name = t.Name, Description = t.Description, Kind = t.Kind, Price = t.PriceMinor / 100m, Capacity = t.Capacity,
            MinPerOrder = t.MinPerOrder, MaxPerOrder = t.MaxPerOrder, Hidden = t.Hidden, SortOrder = t.SortOrder,
            SaleStartsAt = t.SaleStartsAt is { } s && conference is not null ? conference.ToLocal(s) : t.SaleStartsAt,
            SaleEndsAt = t.SaleEndsAt is { } e && conference is not null ? conference.ToLocal(e) : t.SaleEndsAt,
            Translations = translations.Fill(t.Translations, [.. TranslatedFields.Keys]),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        TimeZone = conference?.TimeZoneId ?? "UTC";
        Id = id;
        TicketType? type = null;
        if (id is not null)
        {
            type = await db.TicketTypes.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (type is null) return NotFound();
            Taken = type.Taken;
        }
        if (Input.Price != decimal.Round(Input.Price, 2)) ModelState.AddModelError("Input.Price", T["Use at most two decimals."]);
        var starts = ModelState.ToUtc(conference, Input.SaleStartsAt, "Input.SaleStartsAt", rules);
        var ends = ModelState.ToUtc(conference, Input.SaleEndsAt, "Input.SaleEndsAt", rules);
        if (!ModelState.IsValid) return Page();
        var candidate = type ?? new TicketType();
        var before = type is null ? null : T["{0}, {1}, capacity {2}", type.Name, Money.Format(type.PriceMinor), type.Capacity].Value;
        candidate.Name = Input.Name.Trim();
        candidate.Description = Input.Description?.Trim() ?? "";
        candidate.Kind = Input.Kind;
        candidate.PriceMinor = (long)(Input.Price * 100);
        candidate.Capacity = Input.Capacity;
        candidate.MinPerOrder = Input.MinPerOrder;
        candidate.MaxPerOrder = Input.MaxPerOrder;
        candidate.SaleStartsAt = starts;
        candidate.SaleEndsAt = ends;
        candidate.Hidden = Input.Hidden;
        candidate.SortOrder = Input.SortOrder;
        var problems = candidate.Validate();
        if (!translations.Apply(candidate.Translations, Input.Translations, TranslatedFields, ModelState, nameof(Input), T))
            return Page();
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError("", rules[p]);
            return Page();
        }
        if (type is null) db.TicketTypes.Add(candidate);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The capacity check constraint: seats were taken between loading and saving.
            ModelState.AddModelError("", T["Seats were sold meanwhile; the capacity cannot go below the seats taken. Reload and try again."]);
            return Page();
        }
        TempData["AdminMessage"] = before is null ? T["Created {0}.", candidate.Name].Value : T["Saved {0} (was: {1}).", candidate.Name, before].Value;
        return Redirect("/admin/tickets");
    }
}

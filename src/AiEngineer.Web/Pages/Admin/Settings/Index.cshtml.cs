using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Localization;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Infrastructure.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Settings;

/// <summary>
/// The conference's settings, each section its own form: details, dates (the call for papers and every ticket type's
/// sale window), ticketing, and the policy pages. A save shows on every page at once: the conference and template caches
/// and the public pages' output cache are emptied by the save itself (PublicPageCache.EvictionInterceptor).
/// </summary>
public class IndexModel(AppDbContext db, ConferenceContext conferences, TicketingSettings ticketing, TimeProvider time,
    TranslationForm translations, Shared.RuleMessages rules,
    Microsoft.Extensions.Localization.IStringLocalizer<AdminSettingsText> T) : PageModel
{
    public sealed class DetailsInput
    {
        [Required(ErrorMessage = "The conference needs a name.")]
        [StringLength(ConferenceEvent.NameMaxLength, ErrorMessage = "The name can be at most {1} characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";
        [StringLength(ConferenceEvent.TaglineMaxLength, ErrorMessage = "The tagline can be at most {1} characters.")]
        [Display(Name = "Tagline")]
        public string? Tagline { get; set; }
        [Required(ErrorMessage = "Give the first day.")]
        [Display(Name = "First day")]
        public DateOnly? StartDate { get; set; }
        [Required(ErrorMessage = "Give the last day.")]
        [Display(Name = "Last day")]
        public DateOnly? EndDate { get; set; }
        [StringLength(ConferenceEvent.PlaceMaxLength, ErrorMessage = "The venue can be at most {1} characters.")]
        [Display(Name = "Venue")]
        public string? VenueName { get; set; }
        [StringLength(ConferenceEvent.PlaceMaxLength, ErrorMessage = "The address can be at most {1} characters.")]
        [Display(Name = "Address")]
        public string? VenueAddress { get; set; }
        [StringLength(ConferenceEvent.PlaceMaxLength, ErrorMessage = "The city can be at most {1} characters.")]
        [Display(Name = "City")]
        public string? City { get; set; }
        [Required(ErrorMessage = "Choose the time zone.")]
        [Display(Name = "Time zone")]
        public string TimeZoneId { get; set; } = "America/Los_Angeles";
        [StringLength(ConferenceEvent.UrlMaxLength, ErrorMessage = "The stream link can be at most {1} characters.")]
        [Display(Name = "Stream link")]
        public string? StreamUrl { get; set; }
        [StringLength(ConferenceEvent.StreamDetailsMaxLength, ErrorMessage = "The stream details can be at most {1} characters.")]
        [Display(Name = "Stream details")]
        public string? StreamDetails { get; set; }
        /// <summary>The name and tagline in the other languages (<see cref="TranslationForm"/>).</summary>
        public Dictionary<string, string?> Translations { get; set; } = new();
    }

    public sealed class SaleInput
    {
        public int Id { get; set; }
        [Display(Name = "Sale starts")]
        public DateTime? StartsAt { get; set; }
        [Display(Name = "Sale ends")]
        public DateTime? EndsAt { get; set; }
    }

    public sealed class DatesInput
    {
        [Display(Name = "Call for papers opens")]
        public DateTime? CfpOpensAt { get; set; }
        [Display(Name = "Call for papers closes")]
        public DateTime? CfpClosesAt { get; set; }
        public List<SaleInput> Sales { get; set; } = [];
    }

    public sealed class TicketingInput
    {
        [Required(ErrorMessage = "Give the minutes seats are held.")]
        [Range(ConferenceEvent.MinReservationMinutes, ConferenceEvent.MaxReservationMinutes, ErrorMessage = "Seats can be held for {1} to {2} minutes.")]
        [Display(Name = "Seat hold (minutes)")]
        public int? ReservationMinutes { get; set; }
        [Required(ErrorMessage = "Write the refund policy.")]
        [StringLength(ConferenceEvent.PolicyMaxLength, ErrorMessage = "The refund policy can be at most {1} characters.")]
        [Display(Name = "Refund policy")]
        public string RefundPolicy { get; set; } = "";
        /// <summary>The refund policy in the other languages; empty shows the built-in translation, or the English.</summary>
        public Dictionary<string, string?> Translations { get; set; } = new();
    }

    public sealed class PagesInput
    {
        [Required(ErrorMessage = "The code of conduct cannot be empty.")]
        [StringLength(ConferenceEvent.PageMaxLength, ErrorMessage = "The code of conduct can be at most {1} characters.")]
        [Display(Name = "Code of conduct")]
        public string CodeOfConduct { get; set; } = "";
        [Required(ErrorMessage = "The privacy page cannot be empty.")]
        [StringLength(ConferenceEvent.PageMaxLength, ErrorMessage = "The privacy page can be at most {1} characters.")]
        [Display(Name = "Privacy")]
        public string Privacy { get; set; } = "";
        public Dictionary<string, string?> Translations { get; set; } = new();
    }

    [BindProperty] public DetailsInput Details { get; set; } = new();
    [BindProperty] public DatesInput Dates { get; set; } = new();
    [BindProperty] public TicketingInput Ticketing { get; set; } = new();
    [BindProperty] public PagesInput Pages { get; set; } = new();
    public ConferenceEvent? Conference { get; private set; }
    public IReadOnlyList<TicketType> Types { get; private set; } = [];
    /// <summary>The zones the machine knows (IANA names), read once: the list does not change while the app runs.</summary>
    public static IReadOnlyList<string> TimeZones { get; } = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/') || id == "UTC").Order().ToList();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Fill();
    }

    public async Task<IActionResult> OnPostDetailsAsync(CancellationToken ct)
    {
        ModelState.KeepOnly(nameof(Details));
        await LoadAsync(ct);
        var conference = Conference is null ? new ConferenceEvent() : await db.Conferences.FirstAsync(c => c.Id == Conference.Id, ct);
        var d = Details;
        if (ModelState.IsValid)
        {
            var zoneChanged = conference.Id != 0 && conference.TimeZoneId != d.TimeZoneId;
            conference.Name = d.Name.Trim();
            conference.Tagline = d.Tagline?.Trim() ?? "";
            conference.StartDate = d.StartDate!.Value;
            conference.EndDate = d.EndDate!.Value;
            conference.VenueName = d.VenueName?.Trim() ?? "";
            conference.VenueAddress = d.VenueAddress?.Trim() ?? "";
            conference.City = d.City?.Trim() ?? "";
            conference.TimeZoneId = d.TimeZoneId;
            conference.StreamUrl = string.IsNullOrWhiteSpace(d.StreamUrl) ? null : d.StreamUrl.Trim();
            conference.StreamDetails = string.IsNullOrWhiteSpace(d.StreamDetails) ? null : d.StreamDetails.Trim();
            translations.Apply(conference.Translations, d.Translations, DetailsFields, ModelState, nameof(Details), T);
            foreach (var p in conference.Validate()) ModelState.AddModelError("Details", rules[p]);
            if (conference.Id != 0 && ModelState.IsValid)
            {
                // Slots are UTC instants laid out on the event's days: they must stay on those days, at those wall-clock times.
                var slots = await db.TimeSlots.AsNoTracking().Where(s => s.ConferenceEventId == conference.Id).Select(s => s.StartsAt).ToListAsync(ct);
                if (zoneChanged && slots.Count > 0)
                    ModelState.AddModelError("Details.TimeZoneId", T["The schedule has {0} time slots. Changing the time zone would move every session; delete the slots first or keep the zone.", slots.Count]);
                var outside = slots.Count(s => DateOnly.FromDateTime(conference.ToLocal(s)) is var day && (day < conference.StartDate || day > conference.EndDate));
                if (outside > 0)
                    ModelState.AddModelError("Details.EndDate", outside == 1 ? T["1 time slot falls outside these dates. Move or delete it in Schedule › Rooms and slots first."]
                        : T["{0} time slots fall outside these dates. Move or delete them in Schedule › Rooms and slots first.", outside]);
            }
        }
        if (!ModelState.IsValid) return Page();
        if (conference.Id == 0) db.Conferences.Add(conference);
        await db.SaveChangesAsync(ct);
        Message = T["The conference details are saved and shown everywhere now."];
        return RedirectToPage(null, null, "details");
    }

    public async Task<IActionResult> OnPostDatesAsync(CancellationToken ct)
    {
        ModelState.KeepOnly(nameof(Dates));
        await LoadAsync(ct);
        if (Conference is null) return NotFound();
        var opens = ModelState.ToUtc(Conference, Dates.CfpOpensAt, "Dates.CfpOpensAt", rules);
        var closes = ModelState.ToUtc(Conference, Dates.CfpClosesAt, "Dates.CfpClosesAt", rules);
        if ((opens is null) != (closes is null) && ModelState.IsValid)
            ModelState.AddModelError("Dates.CfpClosesAt", T["Give both the opening and the closing time of the call, or neither."]);
        if (opens is not null && closes is not null)
            foreach (var p in CallForPapers.ValidateWindow(opens.Value, closes.Value)) ModelState.AddModelError("Dates.CfpClosesAt", rules[p]);

        var types = await db.TicketTypes.OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        for (var i = 0; i < Dates.Sales.Count; i++)
        {
            var sale = Dates.Sales[i];
            var type = types.FirstOrDefault(t => t.Id == sale.Id);
            if (type is null) { ModelState.AddModelError("Dates", T["A ticket type in the form no longer exists; reload the page."]); break; }
            type.SaleStartsAt = ModelState.ToUtc(Conference, sale.StartsAt, $"Dates.Sales[{i}].StartsAt", rules);
            type.SaleEndsAt = ModelState.ToUtc(Conference, sale.EndsAt, $"Dates.Sales[{i}].EndsAt", rules);
            foreach (var p in type.Validate()) ModelState.AddModelError($"Dates.Sales[{i}].EndsAt", T["{0}: {1}", type.Name, rules[p]]);
        }
        if (!ModelState.IsValid) return Page();

        if (opens is not null && closes is not null)
        {
            var call = await db.CallsForPapers.FirstOrDefaultAsync(c => c.ConferenceEventId == Conference.Id, ct);
            if (call is null) db.CallsForPapers.Add(call = new CallForPapers { ConferenceEventId = Conference.Id });
            call.OpensAt = opens.Value;
            call.ClosesAt = closes.Value;
        }
        await db.SaveChangesAsync(ct);
        Message = T["The call for papers and sale dates are saved."];
        return RedirectToPage(null, null, "dates");
    }

    public async Task<IActionResult> OnPostTicketingAsync(CancellationToken ct)
    {
        ModelState.KeepOnly(nameof(Ticketing));
        await LoadAsync(ct);
        if (Conference is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        var conference = await db.Conferences.FirstAsync(c => c.Id == Conference.Id, ct);
        var posted = Ticketing.Translations.ToDictionary(kv => kv.Key, kv => kv.Value?.Trim().ReplaceLineEndings("\n"));
        if (!translations.Apply(conference.Translations, posted, TicketingFields, ModelState, nameof(Ticketing), T)) return Page();
        conference.ReservationMinutes = Ticketing.ReservationMinutes;
        conference.RefundPolicy = Ticketing.RefundPolicy.Trim();
        await db.SaveChangesAsync(ct);
        Message = T["Ticketing is saved: new card orders hold their seats for {0} minutes.", Ticketing.ReservationMinutes!.Value];
        return RedirectToPage(null, null, "ticketing");
    }

    public async Task<IActionResult> OnPostPagesAsync(CancellationToken ct)
    {
        ModelState.KeepOnly(nameof(Pages));
        await LoadAsync(ct);
        if (Conference is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        var conference = await db.Conferences.FirstAsync(c => c.Id == Conference.Id, ct);
        var posted = Pages.Translations.ToDictionary(kv => kv.Key, kv => kv.Value?.Trim().ReplaceLineEndings("\n"));
        if (!translations.Apply(conference.Translations, posted, PagesFields, ModelState, nameof(Pages), T)) return Page();
        conference.CodeOfConduct = Pages.CodeOfConduct.Trim().ReplaceLineEndings("\n");
        conference.PrivacyPolicy = Pages.Privacy.Trim().ReplaceLineEndings("\n");
        await db.SaveChangesAsync(ct);
        Message = T["The code of conduct and privacy pages are saved."];
        return RedirectToPage(null, null, "pages");
    }

    /// <summary>The fields with a version per language, with their labels and limits.</summary>
    public static readonly IReadOnlyDictionary<string, (string Label, int Max)> DetailsFields = new Dictionary<string, (string, int)>
    {
        [nameof(ConferenceEvent.Name)] = ("Name", ConferenceEvent.NameMaxLength),
        [nameof(ConferenceEvent.Tagline)] = ("Tagline", ConferenceEvent.TaglineMaxLength),
    };

    public static readonly IReadOnlyDictionary<string, (string Label, int Max)> TicketingFields = new Dictionary<string, (string, int)>
    {
        [nameof(ConferenceEvent.RefundPolicy)] = ("Refund policy", ConferenceEvent.PolicyMaxLength),
    };

    public static readonly IReadOnlyDictionary<string, (string Label, int Max)> PagesFields = new Dictionary<string, (string, int)>
    {
        [nameof(ConferenceEvent.CodeOfConduct)] = ("Code of conduct", ConferenceEvent.PageMaxLength),
        [nameof(ConferenceEvent.PrivacyPolicy)] = ("Privacy", ConferenceEvent.PageMaxLength),
    };


    public DateTime? Local(DateTime? utc) => utc is { } u && Conference is not null ? Conference.ToLocal(u) : utc;

    private async Task LoadAsync(CancellationToken ct)
    {
        Conference = await conferences.GetAsync(ct);
        Types = await db.TicketTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
    }

    private void Fill()
    {
        var c = Conference;
        if (c is null)
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            Details = new DetailsInput { Name = "AI Engineer Summit", StartDate = today.AddMonths(6), EndDate = today.AddMonths(6).AddDays(2) };
            return;
        }
        Details = new DetailsInput
        {
            Name = c.Name, Tagline = c.Tagline, StartDate = c.StartDate, EndDate = c.EndDate, VenueName = c.VenueName, VenueAddress = c.VenueAddress,
            City = c.City, TimeZoneId = c.TimeZoneId, StreamUrl = c.StreamUrl, StreamDetails = c.StreamDetails,
            Translations = translations.Fill(c.Translations, [.. DetailsFields.Keys]),
        };
        var call = db.CallsForPapers.AsNoTracking().FirstOrDefault(x => x.ConferenceEventId == c.Id);
        Dates = new DatesInput
        {
            CfpOpensAt = Local(call?.OpensAt), CfpClosesAt = Local(call?.ClosesAt),
            Sales = Types.Select(t => new SaleInput { Id = t.Id, StartsAt = Local(t.SaleStartsAt), EndsAt = Local(t.SaleEndsAt) }).ToList(),
        };
        var current = ticketing.CurrentValue;
        Ticketing = new TicketingInput
        {
            ReservationMinutes = current.ReservationMinutes, RefundPolicy = current.RefundPolicy,
            Translations = translations.Fill(c.Translations, [.. TicketingFields.Keys]),
        };
        Pages = new PagesInput
        {
            CodeOfConduct = c.CodeOfConduct ?? ConferencePages.CodeOfConduct, Privacy = c.PrivacyPolicy ?? ConferencePages.Privacy,
            Translations = translations.Fill(c.Translations, [.. PagesFields.Keys]),
        };
    }
}

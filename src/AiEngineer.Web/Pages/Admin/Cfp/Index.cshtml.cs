using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Cfp;

/// <summary>Organizers set up the call: its window and guidance, the session formats, and access codes for named people.</summary>
public class IndexModel(AppDbContext db, ConferenceContext conferences, TimeProvider time, Infrastructure.Localization.TranslationForm translations,
    Microsoft.Extensions.Localization.IStringLocalizer<AdminCfpText> T, Shared.RuleMessages rules) : PageModel
{
    public sealed class WindowInput
    {
        [Required(ErrorMessage = "Please give the opening date and time.")]
        [Display(Name = "Opens")]
        public DateTime? OpensAt { get; set; }
        [Required(ErrorMessage = "Please give the closing date and time.")]
        [Display(Name = "Closes")]
        public DateTime? ClosesAt { get; set; }
        [StringLength(CallForPapers.GuidanceMaxLength, ErrorMessage = "The guidance can be at most {1} characters.")]
        [Display(Name = "What reviewers look for")]
        public string? Guidance { get; set; }
        /// <summary>The guidance in the other languages.</summary>
        public Dictionary<string, string?> Translations { get; set; } = new();
    }

    public sealed class FormatInput
    {
        public int Id { get; set; }
        [Required(ErrorMessage = "A format needs a name.")]
        [StringLength(SessionFormat.NameMaxLength, ErrorMessage = "The name can be at most {1} characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";
        [Range(1, 600, ErrorMessage = "The duration must be between 1 and 600 minutes.")]
        [Display(Name = "Minutes")]
        public int DurationMinutes { get; set; } = 25;
        [Range(0, SessionFormat.MaxCoSpeakersLimit, ErrorMessage = "Co-speakers must be between 0 and 10.")]
        [Display(Name = "Co-speakers")]
        public int MaxCoSpeakers { get; set; }
        [Display(Name = "Taking proposals")]
        public bool IsOpen { get; set; } = true;
        [Display(Name = "Own deadline")]
        public DateTime? ClosesAt { get; set; }
        /// <summary>The name in the other languages.</summary>
        public Dictionary<string, string?> Translations { get; set; } = new();
    }

    public static readonly IReadOnlyDictionary<string, (string Label, int Max)> GuidanceField = new Dictionary<string, (string, int)>
    {
        [nameof(CallForPapers.Guidance)] = ("What reviewers look for", CallForPapers.GuidanceMaxLength),
    };

    public static readonly IReadOnlyDictionary<string, (string Label, int Max)> FormatField = new Dictionary<string, (string, int)>
    {
        [nameof(SessionFormat.Name)] = ("Name", SessionFormat.NameMaxLength),
    };


    /// <summary>The form's values for a format: what is stored, or what was posted when the post was refused.</summary>
    public FormatInput InputFor(SessionFormat f) => new()
    {
        Id = f.Id, Name = f.Name, DurationMinutes = f.DurationMinutes, MaxCoSpeakers = f.MaxCoSpeakers, IsOpen = f.IsOpen,
        ClosesAt = f.ClosesAt is { } c ? Local(c) : null, Translations = translations.Fill(f.Translations, nameof(SessionFormat.Name)),
    };

    public sealed class TrackInput
    {
        public int Id { get; set; }
        [Required(ErrorMessage = "A track needs a name.")]
        [StringLength(Track.NameMaxLength, ErrorMessage = "The name can be at most {1} characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";
        [StringLength(Track.DescriptionMaxLength, ErrorMessage = "The description can be at most {1} characters.")]
        [Display(Name = "Description")]
        public string? Description { get; set; }
        /// <summary>The name and description in the other languages.</summary>
        public Dictionary<string, string?> Translations { get; set; } = new();
    }

    public static readonly IReadOnlyDictionary<string, (string Label, int Max)> TrackFields = new Dictionary<string, (string, int)>
    {
        [nameof(Track.Name)] = ("Name", Track.NameMaxLength),
        [nameof(Track.Description)] = ("Description", Track.DescriptionMaxLength),
    };

    public TrackInput InputFor(Track t) => new()
    {
        Id = t.Id, Name = t.Name, Description = t.Description, Translations = translations.Fill(t.Translations, [.. TrackFields.Keys]),
    };

    /// <summary>
    /// Adds or edits a track, the topic a proposal is submitted to. Its slug (the public link) is made once, from the first
    /// English name, and kept when the name changes. Removing tracks is not offered: proposals point at them.
    /// </summary>
    public async Task<IActionResult> OnPostTrackAsync([FromForm(Name = "Track")] TrackInput input, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var name = input.Name?.Trim() ?? "";
        if (ModelState.IsValid && await db.Tracks.AnyAsync(t => t.ConferenceEventId == Conference!.Id && t.Name == name && t.Id != input.Id, ct))
            ModelState.AddModelError("Track.Name", T["There is already a track called “{0}”.", name]);
        Track? track = null;
        if (ModelState.IsValid)
        {
            if (input.Id == 0)
            {
                var slug = Slug.From(name);
                if (slug.Length == 0 || await db.Tracks.AnyAsync(t => t.ConferenceEventId == Conference!.Id && t.Slug == slug, ct))
                    ModelState.AddModelError("Track.Name", T["Give the track an English name that makes a new web address (letters or digits)."]);
                else
                    db.Tracks.Add(track = new Track { ConferenceEventId = Conference!.Id, Slug = slug, SortOrder = Conference.Tracks.Count });
            }
            else if ((track = await db.Tracks.FirstOrDefaultAsync(t => t.Id == input.Id && t.ConferenceEventId == Conference!.Id, ct)) is null)
                return NotFound();
        }
        if (track is not null)
        {
            track.Name = name;
            track.Description = input.Description?.Trim() ?? "";
            if (translations.Apply(track.Translations, input.Translations, TrackFields, ModelState, "Track", T))
            {
                await db.SaveChangesAsync(ct);
                Message = T["Track \"{0}\" saved.", track.Name];
                return RedirectToPage(null, null, "tracks");
            }
        }
        if (input.Id == 0) NewTrack = input;
        return Page();
    }

    public TrackInput NewTrack { get; private set; } = new();

    public sealed class CodeInput
    {
        [StringLength(AccessCode.CodeMaxLength, ErrorMessage = "The code can be at most {1} characters.")]
        [RegularExpression("^[A-Za-z0-9-]*$", ErrorMessage = "Use letters, digits and dashes only.")]
        [Display(Name = "Code (empty: generate one)")]
        public string? Code { get; set; }
        [Required(ErrorMessage = "Please give the email of the person the code is for.")]
        [EmailAddress(ErrorMessage = "Please enter a valid email address.")]
        [StringLength(AccessCode.EmailMaxLength, ErrorMessage = "The email can be at most {1} characters.")]
        [Display(Name = "For (email)")]
        public string Email { get; set; } = "";
        [Display(Name = "Format")]
        public int? SessionFormatId { get; set; }
        [Required(ErrorMessage = "Please say until when the code works.")]
        [Display(Name = "Valid until")]
        public DateTime? ValidUntil { get; set; }
        [StringLength(AccessCode.NoteMaxLength, ErrorMessage = "The note can be at most {1} characters.")]
        [Display(Name = "Note")]
        public string? Note { get; set; }
    }

    public ConferenceEvent? Conference { get; private set; }
    public CallForPapers? Call { get; private set; }
    public IReadOnlyList<AccessCode> Codes { get; private set; } = [];
    public WindowInput Window { get; private set; } = new();
    public FormatInput NewFormat { get; private set; } = new();
    public CodeInput NewCode { get; private set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostWindowAsync([FromForm(Name = "Window")] WindowInput input, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Window = input;
        var opens = ToUtc(input.OpensAt, "Window.OpensAt");
        var closes = ToUtc(input.ClosesAt, "Window.ClosesAt");
        if (opens is not null && closes is not null)
            foreach (var problem in CallForPapers.ValidateWindow(opens.Value, closes.Value)) ModelState.AddModelError("Window.ClosesAt", rules[problem]);
        if (!ModelState.IsValid) return Page();

        var call = await db.CallsForPapers.FirstOrDefaultAsync(c => c.ConferenceEventId == Conference!.Id, ct);
        if (call is null) db.CallsForPapers.Add(call = new CallForPapers { ConferenceEventId = Conference!.Id });
        call.OpensAt = opens!.Value;
        call.ClosesAt = closes!.Value;
        call.Guidance = input.Guidance?.Trim() ?? "";
        if (!translations.Apply(call.Translations, input.Translations, GuidanceField, ModelState, "Window", T)) return Page();
        await db.SaveChangesAsync(ct);
        Message = T["The call's dates and guidance are saved."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostFormatAsync([FromForm(Name = "Format")] FormatInput input, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Call is null) return BadRequest();
        var deadline = input.ClosesAt is null ? null : ToUtc(input.ClosesAt, "Format.ClosesAt");
        if (!ModelState.IsValid)
        {
            if (input.Id == 0) NewFormat = input;
            ModelState.AddModelError("", T["The format \"{0}\" was not saved.", input.Name]);
            return Page();
        }
        SessionFormat? format;
        if (input.Id == 0)
        {
            format = new SessionFormat { CallForPapersId = Call.Id, SortOrder = Call.Formats.Count };
            db.SessionFormats.Add(format);
        }
        else
        {
            format = await db.SessionFormats.FirstOrDefaultAsync(f => f.Id == input.Id && f.CallForPapersId == Call.Id, ct);
            if (format is null) return NotFound();
        }
        format.Name = input.Name.Trim();
        format.DurationMinutes = input.DurationMinutes;
        format.MaxCoSpeakers = input.MaxCoSpeakers;
        format.IsOpen = input.IsOpen;
        format.ClosesAt = deadline;
        if (!translations.Apply(format.Translations, input.Translations, FormatField, ModelState, "Format", T))
        {
            if (input.Id == 0) NewFormat = input;
            return Page();
        }
        await db.SaveChangesAsync(ct);
        Message = T["Format \"{0}\" saved.", format.Name];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCodeAsync([FromForm(Name = "Code")] CodeInput input, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Call is null) return BadRequest();
        NewCode = input;
        var until = ToUtc(input.ValidUntil, "Code.ValidUntil");
        if (input.SessionFormatId is not null && Call.Formats.All(f => f.Id != input.SessionFormatId))
            ModelState.AddModelError("Code.SessionFormatId", T["Please choose one of the formats."]);
        var code = AccessCode.Normalize(string.IsNullOrWhiteSpace(input.Code) ? Convert.ToHexString(RandomNumberGenerator.GetBytes(5)) : input.Code);
        if (await db.AccessCodes.AnyAsync(a => a.CallForPapersId == Call.Id && a.Code == code, ct))
            ModelState.AddModelError("Code.Code", T["The code {0} exists already.", code]);
        if (!ModelState.IsValid) return Page();
        db.AccessCodes.Add(new AccessCode
        {
            CallForPapersId = Call.Id, Code = code, Email = input.Email.Trim(), SessionFormatId = input.SessionFormatId,
            ValidUntil = until!.Value, Note = input.Note?.Trim() ?? "", CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        Message = T["Access code {0} created for {1}. Send it to them; it works only when they are signed in with that email.", code, input.Email.Trim()];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteCodeAsync(int codeId, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Call is null) return NotFound();
        // Tracked, not ExecuteDelete, so the audit log records it.
        db.AccessCodes.RemoveRange(await db.AccessCodes.Where(a => a.Id == codeId && a.CallForPapersId == Call.Id).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        Message = T["Access code deleted."];
        return RedirectToPage();
    }

    private DateTime? ToUtc(DateTime? local, string key) => ModelState.ToUtc(Conference, local, key, rules);

    public DateTime Local(DateTime utc) => Conference!.ToLocal(utc);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Conference = await conferences.GetAsync(ct);
        if (Conference is null) return false;
        Call = await db.CallsForPapers.AsNoTracking().Include(c => c.Formats.OrderBy(f => f.SortOrder).ThenBy(f => f.Id))
            .FirstOrDefaultAsync(c => c.ConferenceEventId == Conference.Id, ct);
        if (Call is not null)
        {
            Window = new WindowInput
            {
                OpensAt = Local(Call.OpensAt), ClosesAt = Local(Call.ClosesAt), Guidance = Call.Guidance,
                Translations = translations.Fill(Call.Translations, nameof(CallForPapers.Guidance)),
            };
            Codes = await db.AccessCodes.AsNoTracking().Where(a => a.CallForPapersId == Call.Id).OrderBy(a => a.ValidUntil).ToListAsync(ct);
            NewCode = new CodeInput { ValidUntil = Local(Call.ClosesAt).AddDays(7) };
        }
        else
        {
            var start = Conference.StartDate.ToDateTime(new TimeOnly(9, 0));
            Window = new WindowInput { OpensAt = start.AddDays(-120), ClosesAt = start.AddDays(-60).AddHours(14).AddMinutes(59) };
        }
        return true;
    }
}

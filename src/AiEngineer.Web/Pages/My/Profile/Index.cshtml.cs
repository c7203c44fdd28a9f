using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Data;
using AiEngineer.Web.Infrastructure.Content;
using AiEngineer.Web.Pages.Cfp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.My.Profile;

/// <summary>The speaker profile, reused by every proposal: names, bio, links and a photo cleaned on the server.</summary>
[RequestSizeLimit(ImageProcessor.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImageProcessor.MaxBytes + 1024 * 1024)]
public class IndexModel(AppDbContext db, TimeProvider time, Microsoft.Extensions.Localization.IStringLocalizer<MyText> T, Shared.RuleMessages rules) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter the name to show on the program.")]
        [StringLength(SpeakerProfile.DisplayNameMaxLength, ErrorMessage = "The name can be at most {1} characters.")]
        [Display(Name = "Name on the program")]
        public string DisplayName { get; set; } = "";
        [StringLength(SpeakerProfile.ShortMaxLength, ErrorMessage = "The headline can be at most {1} characters.")]
        [Display(Name = "Headline")]
        public string? Headline { get; set; }
        [StringLength(SpeakerProfile.ShortMaxLength, ErrorMessage = "The company can be at most {1} characters.")]
        [Display(Name = "Company")]
        public string? Company { get; set; }
        [StringLength(SpeakerProfile.PronounsMaxLength, ErrorMessage = "Pronouns can be at most {1} characters.")]
        [Display(Name = "Pronouns")]
        public string? Pronouns { get; set; }
        [StringLength(SpeakerProfile.ShortMaxLength, ErrorMessage = "The city can be at most {1} characters.")]
        [Display(Name = "City")]
        public string? City { get; set; }
        [StringLength(SpeakerProfile.BioMaxLength, ErrorMessage = "The bio can be at most {1} characters.")]
        [Display(Name = "Bio")]
        public string? Bio { get; set; }
        [StringLength(SpeakerProfile.UrlMaxLength, ErrorMessage = "The website address can be at most {1} characters."), WebLink]
        [Display(Name = "Website")]
        public string? Website { get; set; }
        [StringLength(SpeakerProfile.UrlMaxLength, ErrorMessage = "The GitHub address can be at most {1} characters."), WebLink]
        [Display(Name = "GitHub")]
        public string? GitHub { get; set; }
        [StringLength(SpeakerProfile.UrlMaxLength, ErrorMessage = "The X or Bluesky address can be at most {1} characters."), WebLink]
        [Display(Name = "X or Bluesky")]
        public string? Social { get; set; }
        [StringLength(SpeakerProfile.UrlMaxLength, ErrorMessage = "The LinkedIn address can be at most {1} characters."), WebLink]
        [Display(Name = "LinkedIn")]
        public string? LinkedIn { get; set; }
        public bool RemovePhoto { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Photo { get; set; }
    [TempData] public string? Saved { get; set; }
    public int? PhotoId { get; private set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var profile = await db.SpeakerProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == Me, ct);
        if (profile is null)
        {
            var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == Me, ct);
            Input.DisplayName = user.DisplayName ?? "";
            return;
        }
        PhotoId = profile.PhotoId;
        Input = new InputModel
        {
            DisplayName = profile.DisplayName, Headline = profile.Headline, Company = profile.Company, Pronouns = profile.Pronouns,
            City = profile.City, Bio = profile.Bio, Website = profile.Website, GitHub = profile.GitHub, Social = profile.Social, LinkedIn = profile.LinkedIn,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var profile = await db.SpeakerProfiles.FirstOrDefaultAsync(p => p.UserId == Me, ct);
        PhotoId = profile?.PhotoId;
        ProcessedImage? image = null;
        if (Photo is { Length: > 0 })
        {
            (image, var error) = await ImageProcessor.ProcessAsync(Photo, ct);
            if (error is not null) ModelState.AddModelError(nameof(Photo), rules[error]);
        }
        if (!ModelState.IsValid) return Page();

        var now = time.GetUtcNow().UtcDateTime;
        if (profile is null)
        {
            profile = new SpeakerProfile { UserId = Me };
            db.SpeakerProfiles.Add(profile);
        }
        profile.DisplayName = Input.DisplayName.Trim();
        profile.Headline = Clean(Input.Headline);
        profile.Company = Clean(Input.Company);
        profile.Pronouns = Clean(Input.Pronouns);
        profile.City = Clean(Input.City);
        profile.Bio = Clean(Input.Bio);
        profile.Website = Clean(Input.Website);
        profile.GitHub = Clean(Input.GitHub);
        profile.Social = Clean(Input.Social);
        profile.LinkedIn = Clean(Input.LinkedIn);
        profile.UpdatedAt = now;
        var oldPhotoId = profile.PhotoId;
        if (image is not null)
        {
            profile.Photo = new SpeakerPhoto { UserId = Me, Content = image.Content, ContentType = image.ContentType, Width = image.Width, Height = image.Height, CreatedAt = now };
        }
        else if (Input.RemovePhoto)
        {
            profile.PhotoId = null;
        }
        await db.SaveChangesAsync(ct);
        if (oldPhotoId is not null && oldPhotoId != profile.PhotoId)
            await db.SpeakerPhotos.Where(p => p.Id == oldPhotoId && p.UserId == Me).ExecuteDeleteAsync(ct);
        Saved = T["Your speaker profile is saved."];
        return RedirectToPage();
    }

    /// <summary>The signed-in speaker's own photo, as stored.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(int id, CancellationToken ct)
    {
        var photo = await db.SpeakerPhotos.AsNoTracking().Where(p => p.Id == id && p.UserId == Me)
            .Select(p => new { p.Content, p.ContentType }).FirstOrDefaultAsync(ct);
        if (photo is null) return NotFound();
        Response.Headers.CacheControl = "private, max-age=3600";
        return File(photo.Content, photo.ContentType);
    }

    private static string Clean(string? value) => value?.Trim() ?? "";
}

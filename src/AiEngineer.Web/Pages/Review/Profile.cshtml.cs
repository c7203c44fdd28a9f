using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Review;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Review;

/// <summary>A reviewer's company (for conflicts of interest) and preferred tracks (for assignment).</summary>
public class ProfileModel(AppDbContext db, ConferenceContext conferences, Microsoft.Extensions.Localization.IStringLocalizer<ReviewText> T) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Company"), StringLength(ReviewerProfile.CompanyMaxLength, ErrorMessage = "The company can be at most {1} characters.")]
        public string? Company { get; set; }
        public List<int> TrackIds { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<Track> Tracks { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tracks = (await conferences.GetAsync(ct))?.Tracks ?? [];
        var profile = await db.ReviewerProfiles.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == Me, ct);
        Input = new InputModel { Company = profile?.Company, TrackIds = profile?.PreferredTrackIds ?? [] };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Tracks = (await conferences.GetAsync(ct))?.Tracks ?? [];
        if (!ModelState.IsValid) return Page();
        var profile = await db.ReviewerProfiles.FirstOrDefaultAsync(r => r.UserId == Me, ct);
        if (profile is null) db.ReviewerProfiles.Add(profile = new ReviewerProfile { UserId = Me });
        profile.Company = Input.Company?.Trim() ?? "";
        profile.PreferredTrackIds = Input.TrackIds.Where(id => Tracks.Any(t => t.Id == id)).Distinct().ToList();
        await db.SaveChangesAsync(ct);
        Message = T["Saved. Proposals from speakers at your company are hidden from you."];
        return RedirectToPage();
    }
}

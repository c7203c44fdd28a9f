using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Schedule;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Pages.Schedule;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Speakers;

/// <summary>A speaker in the published program: the profile they keep themselves (bio, links, photo) and their sessions.</summary>
public class ShowModel(AppDbContext db, ConferenceContext conferences, ProgramStore store) : PageModel
{
    public ConferenceEvent Conference { get; private set; } = null!;
    public PublishedProgram Program { get; private set; } = null!;
    public PublishedSpeaker Speaker { get; private set; } = null!;
    public SpeakerProfile? Profile { get; private set; }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var c = await conferences.GetAsync(ct);
        if (c is null || await store.GetAsync(c, ct) is not { } program || program.Speaker(slug) is not { } speaker) return false;
        (Conference, Program, Speaker) = (c, program, speaker);
        Profile = await db.SpeakerProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == speaker.UserId, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ? Page() : NotFound();

    /// <summary>The photo of a speaker in the published program; anyone else's photo is not public.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct) || Profile?.PhotoId is not { } id) return NotFound();
        var photo = await db.SpeakerPhotos.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Content, p.ContentType }).FirstOrDefaultAsync(ct);
        if (photo is null) return NotFound();
        Response.Headers.CacheControl = "public, max-age=3600";
        return File(photo.Content, photo.ContentType);
    }
}

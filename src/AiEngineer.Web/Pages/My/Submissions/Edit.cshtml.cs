using AiEngineer.Web.Infrastructure.Email;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Pages.Cfp;
using AiEngineer.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.My.Submissions;

/// <summary>
/// Writes a proposal: a new one, or one the speaker is on. Saves a draft or submits. The window is checked again
/// on every post, so a form opened before the deadline and sent after it keeps its text as a draft.
/// </summary>
public class EditModel(AppDbContext db, ConferenceContext conferences, TimeProvider time, EmailTemplates templates, Microsoft.Extensions.Options.IOptionsMonitor<AiEngineer.Web.Infrastructure.Site.SiteOptions> site,
    Microsoft.Extensions.Localization.IStringLocalizer<MyText> T, Shared.RuleMessages rules,
    Microsoft.Extensions.Localization.IStringLocalizer<Shared.StatusText> labels,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Builder.RequestLocalizationOptions> localization) : PageModel
{
    /// <summary>The languages a talk can be given in: the site's (Localization:Languages).</summary>
    public IReadOnlyList<System.Globalization.CultureInfo> TalkLanguages => localization.Value.SupportedUICultures?.ToList() ?? [];

    public sealed class InputModel
    {
        /// <summary>Set when the form is first shown; a repeated post of the same form finds the proposal it made.</summary>
        public Guid IdempotencyKey { get; set; }

        [Required(ErrorMessage = "Please give your session a title.")]
        [StringLength(Proposal.TitleMaxLength, ErrorMessage = "The title can be at most {1} characters.")]
        [Display(Name = "Title")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Please choose a format.")]
        [Display(Name = "Format")]
        public int? FormatId { get; set; }

        [Required(ErrorMessage = "Please choose a track.")]
        [Display(Name = "Track")]
        public int? TrackId { get; set; }

        [Display(Name = "Level")]
        public ProposalLevel Level { get; set; } = ProposalLevel.Intermediate;

        [Display(Name = "Language of the talk")]
        public string Language { get; set; } = Proposal.DefaultLanguage;

        [StringLength(Proposal.AbstractMaxLength, ErrorMessage = "The abstract can be at most {1} characters.")]
        [Display(Name = "Public abstract")]
        public string? Abstract { get; set; }

        [StringLength(Proposal.DescriptionMaxLength, ErrorMessage = "The description for reviewers can be at most {1} characters.")]
        [Display(Name = "Description for reviewers")]
        public string? Description { get; set; }

        [StringLength(Proposal.NotesMaxLength, ErrorMessage = "The notes can be at most {1} characters.")]
        [Display(Name = "Notes to organizers")]
        public string? Notes { get; set; }

        public bool GivenBefore { get; set; }

        [StringLength(Proposal.UrlMaxLength, ErrorMessage = "The slides address can be at most {1} characters."), WebLink]
        [Display(Name = "Slides link")]
        public string? SlidesUrl { get; set; }

        [StringLength(Proposal.UrlMaxLength, ErrorMessage = "The video address can be at most {1} characters."), WebLink]
        [Display(Name = "Video link")]
        public string? VideoUrl { get; set; }

        [StringLength(Core.Cfp.AccessCode.CodeMaxLength, ErrorMessage = "That is not an access code.")]
        [Display(Name = "Access code")]
        public string? AccessCode { get; set; }

        public ProposalContent ToContent() => new(Title, FormatId ?? 0, TrackId ?? 0, Level, Abstract ?? "", Description ?? "", Notes ?? "",
            GivenBefore, SlidesUrl ?? "", VideoUrl ?? "", Language);
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public ConferenceEvent Conference { get; private set; } = null!;
    public CallForPapers Call { get; private set; } = null!;
    public Proposal? Existing { get; private set; }
    public DateTime Now { get; private set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(int? id, string? code, CancellationToken ct)
    {
        if (!await LoadCallAsync(ct)) return NotFound();
        if (id is null)
        {
            Input = new InputModel { IdempotencyKey = Guid.NewGuid(), AccessCode = code, FormatId = Call.Formats.FirstOrDefault()?.Id };
            return Page();
        }
        Existing = await db.ProposalsOf(Me).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (Existing is null) return NotFound();
        var format = Call.Formats.First(f => f.Id == Existing.SessionFormatId);
        var email = await db.Users.Where(u => u.Id == Me).Select(u => u.Email).FirstAsync(ct);
        var window = await db.WindowAsync(Call, format, email, code, Now, ct);
        if (!Existing.CanEdit(Now, window))
        {
            Problem = Existing.State == ProposalState.Submitted
                ? T["{0} A submitted proposal can no longer be changed.", rules[window.ClosedReason(Now)]]
                : T["This proposal is {0} and can no longer be changed.", State(Existing.State)];
            return RedirectToPage("Details", new { id });
        }
        var c = Existing.Content;
        Input = new InputModel
        {
            IdempotencyKey = Existing.IdempotencyKey, Title = c.Title, FormatId = c.SessionFormatId, TrackId = c.TrackId, Level = c.Level, Language = c.Language,
            Abstract = c.Abstract, Description = c.Description, Notes = c.Notes, GivenBefore = c.GivenBefore, SlidesUrl = c.SlidesUrl,
            VideoUrl = c.VideoUrl, AccessCode = code,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, string? intent, CancellationToken ct)
    {
        if (!await LoadCallAsync(ct)) return NotFound();
        var submit = intent == "submit";

        Proposal? proposal;
        if (id is not null)
        {
            proposal = await db.ProposalsOf(Me).Include(p => p.Speakers).Include(p => p.Invitations).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (proposal is null) return NotFound();
        }
        else
        {
            // A second post of the same "new proposal" form: carry on with the proposal the first one made.
            proposal = await db.ProposalsOf(Me).Include(p => p.Speakers).Include(p => p.Invitations).FirstOrDefaultAsync(p => p.IdempotencyKey == Input.IdempotencyKey, ct);
        }
        Existing = proposal;

        var format = Call.Formats.FirstOrDefault(f => f.Id == Input.FormatId);
        if (Input.FormatId is not null && format is null) ModelState.AddModelError("Input.FormatId", T["Please choose one of the formats listed."]);
        if (Input.TrackId is not null && Conference.Tracks.All(t => t.Id != Input.TrackId)) ModelState.AddModelError("Input.TrackId", T["Please choose one of the tracks listed."]);
        if (TalkLanguages.All(l => l.Name != Input.Language)) ModelState.AddModelError("Input.Language", T["Please choose one of the languages listed."]);
        if (id is null && Input.IdempotencyKey == Guid.Empty) ModelState.AddModelError("", T["The form is incomplete; please reload the page and try again."]);
        if (!ModelState.IsValid || format is null) return Page();

        var email = await db.Users.Where(u => u.Id == Me).Select(u => u.Email).FirstAsync(ct);
        var window = await db.WindowAsync(Call, format, email, Input.AccessCode, Now, ct);
        if (!string.IsNullOrWhiteSpace(Input.AccessCode) && !window.GrantedByCode)
        {
            ModelState.AddModelError("Input.AccessCode", T["That access code is not valid for your account, this format, or any longer."]);
            return Page();
        }

        if (proposal is null)
        {
            proposal = Proposal.StartDraft(Conference.Id, Me, Input.IdempotencyKey, Input.ToContent(), Now);
            db.Proposals.Add(proposal);
        }
        else if (!proposal.CanEdit(Now, window))
        {
            ModelState.AddModelError("", proposal.State == ProposalState.Submitted
                ? T["{0} Your submitted proposal can no longer be changed, so these changes were not saved.", rules[window.ClosedReason(Now)]]
                : T["This proposal is {0} and can no longer be changed.", State(proposal.State)]);
            return Page();
        }
        else
        {
            try
            {
                proposal.Edit(Input.ToContent(), Now, window, format.MaxCoSpeakers);
            }
            catch (CfpRuleException ex)
            {
                ModelState.AddModelError("Input.FormatId", rules[ex]);
                return Page();
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (proposal.Id == 0)
        {
            // Two posts of the same form raced; the unique key let one in. Show that one.
            db.ChangeTracker.Clear();
            var winner = await db.ProposalsOf(Me).Where(p => p.IdempotencyKey == Input.IdempotencyKey).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (winner is not null) return RedirectToPage("Details", new { id = winner });
            // The key is someone else's (a copied form): nothing was saved; a fresh key lets this form through.
            Input.IdempotencyKey = Guid.NewGuid();
            ModelState.Clear();
            ModelState.AddModelError("", T["This form was already used. Nothing was saved; please send it again."]);
            return Page();
        }

        if (!submit || proposal.State != ProposalState.Draft)
        {
            Message = proposal.State == ProposalState.Draft ? T["Draft saved. Submit it before the deadline."] : T["Your changes are saved."];
            return RedirectToPage("Details", new { id = proposal.Id });
        }

        try
        {
            proposal.Submit(Me, Now, window);
        }
        catch (CfpRuleException ex)
        {
            Problem = rules[ex];
            return RedirectToPage("Edit", new { id = proposal.Id });
        }
        var link = site.CurrentValue.Link($"/my/submissions/{proposal.Id}");
        await ProposalEmails.QueueReceiptAsync(db, templates, proposal, format.Name, Conference.Tracks.First(t => t.Id == proposal.TrackId).Name, link, Now, ct);
        await db.SaveChangesAsync(ct);
        Message = T["Your proposal is submitted. We have emailed you a receipt."];
        return RedirectToPage("Details", new { id = proposal.Id });
    }

    /// <summary>A state inside a sentence: its label, in lower case as the English writes it there.</summary>
    private string State(ProposalState state) => labels.Label(state).ToLower(System.Globalization.CultureInfo.CurrentCulture);

    private async Task<bool> LoadCallAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow().UtcDateTime;
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return false;
        var call = await db.CallForPapersAsync(conference.Id, ct);
        if (call is null) return false;
        (Conference, Call) = (conference, call);
        return true;
    }
}

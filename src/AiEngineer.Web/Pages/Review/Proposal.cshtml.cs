using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Data;
using AiEngineer.Core.Review;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Review;

/// <summary>
/// One proposal for a reviewer: the text, speakers only when review is not anonymous, the reviewer's own scores,
/// other reviewers' scores once they have scored themselves, and the most similar proposals.
/// </summary>
public class ProposalModel(AppDbContext db, ConferenceContext conferences, TimeProvider time,
    Microsoft.Extensions.Localization.IStringLocalizer<ReviewText> T, Shared.RuleMessages rules) : PageModel
{
    public sealed class ScoreInput
    {
        /// <summary>Criterion id → score.</summary>
        public Dictionary<int, int> Scores { get; set; } = [];
        [Display(Name = "Comment"), StringLength(ProposalReview.CommentMaxLength, ErrorMessage = "The comment can be at most {1} characters.")]
        public string? Comment { get; set; }
    }

    public sealed record SpeakerView(string Name, string Company, string Headline);
    public sealed record OtherReview(string Reviewer, IReadOnlyDictionary<int, int> Scores, string Comment);

    public Proposal Proposal { get; private set; } = null!;
    public ReviewSettings Settings { get; private set; } = null!;
    public bool IsOpen { get; private set; }
    public IReadOnlyList<SpeakerView> Speakers { get; private set; } = [];
    public ProposalReview? Mine { get; private set; }
    public IReadOnlyList<OtherReview> Others { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title, double Score)> Similar { get; private set; } = [];
    [BindProperty] public ScoreInput Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Mine is not null)
        {
            Input.Scores = Mine.Scores.ToDictionary(s => s.CriterionId, s => s.Score);
            Input.Comment = Mine.Comment;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var now = time.GetUtcNow().UtcDateTime;
        if (!Settings.IsOpenAt(now))
        {
            ModelState.AddModelError("", T["Review is closed; scores can no longer be changed."]);
            return Page();
        }
        foreach (var problem in ProposalReview.Validate(Settings.Criteria, Input.Scores, Input.Comment?.Trim() ?? ""))
            ModelState.AddModelError("", rules[problem]);
        if (!ModelState.IsValid) return Page();

        var review = await db.ProposalReviews.Include(r => r.Scores).FirstOrDefaultAsync(r => r.ProposalId == id && r.ReviewerUserId == Me, ct);
        if (review is null)
        {
            review = new ProposalReview { ProposalId = id, ReviewerUserId = Me };
            db.ProposalReviews.Add(review);
        }
        review.Record(Settings, Input.Scores, Input.Comment ?? "", now);
        await db.SaveChangesAsync(ct);
        Message = T["Your review is saved. You can change it until review closes."];
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return false;
        var company = await db.ReviewerCompanyAsync(Me, ct);
        var proposal = await db.ReviewableBy(Me, company).AsNoTracking()
            .Include(p => p.Track).Include(p => p.Format).Include(p => p.Speakers)
            .FirstOrDefaultAsync(p => p.Id == id && p.ConferenceEventId == conference.Id, ct);
        if (proposal is null) return false;
        Proposal = proposal;
        Settings = await db.ReviewSettingsAsync(conference.Id, ct);
        IsOpen = Settings.IsOpenAt(time.GetUtcNow().UtcDateTime);

        if (!Settings.Anonymous)
        {
            var ids = proposal.Speakers.Select(s => s.UserId).ToList();
            Speakers = await db.SpeakerProfiles.AsNoTracking().Where(s => ids.Contains(s.UserId))
                .Select(s => new SpeakerView(s.DisplayName, s.Company, s.Headline)).ToListAsync(ct);
        }

        var reviews = await db.ProposalReviews.AsNoTracking().Include(r => r.Scores)
            .Where(r => r.ProposalId == id).OrderBy(r => r.Id).ToListAsync(ct);
        Mine = reviews.FirstOrDefault(r => r.ReviewerUserId == Me);
        // Other reviewers' scores only after scoring yourself, so nobody anchors on them; names never shown.
        if (Mine is not null)
            Others = reviews.Where(r => r.ReviewerUserId != Me)
                .Select((r, i) => new OtherReview(T["Reviewer {0}", i + 1], r.Scores.ToDictionary(s => s.CriterionId, s => s.Score), r.Comment))
                .ToList();

        var docs = await db.ReviewableBy(Me, company).AsNoTracking()
            .Where(p => p.ConferenceEventId == conference.Id)
            .Select(p => new { p.Id, p.Title, p.Abstract }).ToListAsync(ct);
        var titles = docs.ToDictionary(d => d.Id, d => d.Title);
        Similar = SimilarProposals.MostSimilar(docs.Select(d => new SimilarProposals.Document(d.Id, d.Title + " " + d.Abstract)).ToList(), id, 5)
            .Select(s => (s.Id, titles[s.Id], s.Score)).ToList();
        return true;
    }
}

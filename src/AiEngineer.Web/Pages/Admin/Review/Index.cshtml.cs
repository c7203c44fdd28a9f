using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Review;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Pages.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Review;

/// <summary>Organizers run the review phase: open and close it, anonymity, criteria, automatic and manual assignment.</summary>
public class IndexModel(AppDbContext db, ConferenceContext conferences, UserManager<AppUser> users, TimeProvider time, Microsoft.Extensions.Localization.IStringLocalizer<AdminText> T,
    Shared.RuleMessages rules) : PageModel
{
    public sealed class SettingsInput
    {
        [Display(Name = "Review open")] public bool IsOpen { get; set; }
        [Display(Name = "Opens")] public DateTime? OpensAt { get; set; }
        [Display(Name = "Closes")] public DateTime? ClosesAt { get; set; }
        [Display(Name = "Anonymous review")] public bool Anonymous { get; set; } = true;
        [Range(1, 10, ErrorMessage = "Reviewers per proposal must be between 1 and 10.")]
        [Display(Name = "Reviewers per proposal")] public int ReviewersPerProposal { get; set; } = 3;
        [Display(Name = "Speakers confirm by")] public DateTime? ConfirmBy { get; set; }
        /// <summary>One criterion per line.</summary>
        [Display(Name = "Criteria"), Required(ErrorMessage = "Define at least one criterion.")]
        public string Criteria { get; set; } = "";
    }

    public sealed class AssignInput
    {
        public int ProposalId { get; set; }
        [Display(Name = "Reviewer"), Required(ErrorMessage = "Choose a reviewer.")] public string ReviewerUserId { get; set; } = "";
    }

    public sealed record AssignmentRow(int ProposalId, string Title, IReadOnlyList<(string UserId, string Email)> Reviewers);

    public ConferenceEvent Conference { get; private set; } = null!;
    public ReviewSettings Settings { get; private set; } = null!;
    public SettingsInput Form { get; private set; } = new();
    public IReadOnlyList<AppUser> Reviewers { get; private set; } = [];
    public IReadOnlyList<AssignmentRow> Assignments { get; private set; } = [];
    public bool IsOpenNow { get; private set; }
    [TempData] public string? Message { get; set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync([FromForm(Name = "Form")] SettingsInput input, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Form = input;
        var names = input.Criteria.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (names.Any(n => n.Length > ReviewCriterion.NameMaxLength))
            ModelState.AddModelError("Form.Criteria", T["A criterion can be at most {0} characters.", ReviewCriterion.NameMaxLength]);
        var opens = ToUtc(input.OpensAt);
        var closes = ToUtc(input.ClosesAt);
        var candidate = new ReviewSettings
        {
            OpensAt = opens, ClosesAt = closes, ReviewersPerProposal = input.ReviewersPerProposal,
            Criteria = names.Select(n => new ReviewCriterion { Name = n }).ToList(),
        };
        foreach (var problem in candidate.Validate()) ModelState.AddModelError("Form", rules[problem]);
        if (!ModelState.IsValid) return Page();

        Settings.IsOpen = input.IsOpen;
        Settings.OpensAt = opens;
        Settings.ClosesAt = closes;
        Settings.Anonymous = input.Anonymous;
        Settings.ReviewersPerProposal = input.ReviewersPerProposal;
        Settings.ConfirmBy = ToUtc(input.ConfirmBy);
        // Criteria keep their ids (and so their scores) when their name stays; removed ones take their scores with them.
        Settings.Criteria.RemoveAll(c => !names.Contains(c.Name));
        for (var i = 0; i < names.Count; i++)
        {
            var existing = Settings.Criteria.FirstOrDefault(c => c.Name == names[i]);
            if (existing is null) Settings.Criteria.Add(new ReviewCriterion { Name = names[i], SortOrder = i });
            else existing.SortOrder = i;
        }
        await db.SaveChangesAsync(ct);
        Message = T["Review settings saved."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => p.ConferenceEventId == Conference.Id && p.State == ProposalState.Submitted)
            .Select(p => new
            {
                p.Id, p.TrackId,
                Speakers = p.Speakers.Select(s => s.UserId).ToList(),
                Companies = p.Speakers.SelectMany(s => db.SpeakerProfiles.Where(sp => sp.UserId == s.UserId).Select(sp => sp.Company)).ToList(),
            }).ToListAsync(ct);
        var profiles = await db.ReviewerProfiles.AsNoTracking().ToDictionaryAsync(r => r.UserId, ct);
        var reviewers = new List<AssignableReviewer>();
        foreach (var r in Reviewers)
        {
            profiles.TryGetValue(r.Id, out var profile);
            reviewers.Add(new AssignableReviewer(r.Id, await db.ReviewerCompanyAsync(r.Id, ct), profile?.PreferredTrackIds ?? []));
        }
        var existing = await db.ReviewAssignments.AsNoTracking().Select(a => new { a.ProposalId, a.ReviewerUserId }).ToListAsync(ct);
        var added = ReviewAssigner.Assign(
            proposals.Select(p => new AssignableProposal(p.Id, p.TrackId, p.Speakers, p.Companies)).ToList(),
            reviewers, existing.Select(e => (e.ProposalId, e.ReviewerUserId)).ToList(), Settings.ReviewersPerProposal);
        var now = time.GetUtcNow().UtcDateTime;
        db.ReviewAssignments.AddRange(added.Select(a => new ReviewAssignment { ProposalId = a.ProposalId, ReviewerUserId = a.ReviewerUserId, AssignedAt = now, AssignedByUserId = Me }));
        await db.SaveChangesAsync(ct);
        Message = added.Count == 1 ? T["1 assignment added."] : T["{0} assignments added.", added.Count];
        return RedirectToPage();
    }

    /// <summary>Manual assignment; refused for a conflicted reviewer.</summary>
    public async Task<IActionResult> OnPostAddAsync([FromForm(Name = "Add")] AssignInput input, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Reviewers.All(r => r.Id != input.ReviewerUserId)) return NotFound();
        var company = await db.ReviewerCompanyAsync(input.ReviewerUserId, ct);
        if (!await db.ReviewableBy(input.ReviewerUserId, company).AnyAsync(p => p.Id == input.ProposalId, ct))
        {
            ModelState.AddModelError("", T["That reviewer has a conflict of interest with this proposal (or it is not under review)."]);
            return Page();
        }
        if (!await db.ReviewAssignments.AnyAsync(a => a.ProposalId == input.ProposalId && a.ReviewerUserId == input.ReviewerUserId, ct))
        {
            db.ReviewAssignments.Add(new ReviewAssignment { ProposalId = input.ProposalId, ReviewerUserId = input.ReviewerUserId, AssignedAt = time.GetUtcNow().UtcDateTime, AssignedByUserId = Me });
            await db.SaveChangesAsync(ct);
        }
        Message = T["Reviewer assigned."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync([FromForm(Name = "Remove")] AssignInput input, CancellationToken ct)
    {
        // Tracked, not ExecuteDelete, so the audit log records it.
        db.ReviewAssignments.RemoveRange(await db.ReviewAssignments.Where(a => a.ProposalId == input.ProposalId && a.ReviewerUserId == input.ReviewerUserId).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        Message = T["Assignment removed."];
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return false;
        Conference = conference;
        Settings = await db.ReviewSettingsAsync(conference.Id, ct);
        IsOpenNow = Settings.IsOpenAt(time.GetUtcNow().UtcDateTime);
        Form = new SettingsInput
        {
            IsOpen = Settings.IsOpen, Anonymous = Settings.Anonymous, ReviewersPerProposal = Settings.ReviewersPerProposal,
            OpensAt = Local(Settings.OpensAt), ClosesAt = Local(Settings.ClosesAt), ConfirmBy = Local(Settings.ConfirmBy),
            Criteria = string.Join("\n", Settings.Criteria.Select(c => c.Name)),
        };
        Reviewers = (await users.GetUsersInRoleAsync(Roles.Reviewer)).OrderBy(u => u.Email).ToList();
        var emails = Reviewers.ToDictionary(r => r.Id, r => r.Email ?? r.Id);
        var rows = await db.Proposals.AsNoTracking()
            .Where(p => p.ConferenceEventId == conference.Id && p.State == ProposalState.Submitted)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, Reviewers = db.ReviewAssignments.Where(a => a.ProposalId == p.Id).Select(a => a.ReviewerUserId).ToList() })
            .ToListAsync(ct);
        Assignments = rows.Select(r => new AssignmentRow(r.Id, r.Title,
            r.Reviewers.Select(id => (id, emails.GetValueOrDefault(id, T["(no longer a reviewer)"].Value))).OrderBy(x => x.Item2).ToList())).ToList();
        return true;
    }

    private DateTime? Local(DateTime? utc) => utc is { } u ? Conference.ToLocal(u) : null;

    private DateTime? ToUtc(DateTime? local) => ModelState.ToUtc(Conference, local, "Form", rules);
}

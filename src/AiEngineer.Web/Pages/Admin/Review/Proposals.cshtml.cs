using System.Globalization;
using System.Security.Claims;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Data;
using AiEngineer.Core.Email;
using AiEngineer.Core.Review;
using AiEngineer.Web.Infrastructure.Email;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Pages.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Pages.Admin.Review;

/// <summary>
/// Every reviewed proposal with its scores, filterable and sortable from the query string; decisions one at a time
/// or in bulk. A decision drafts its notifications; nothing is emailed until an organizer sends the drafts.
/// </summary>
public class ProposalsModel(AppDbContext db, ConferenceContext conferences, TimeProvider time, IOptionsMonitor<SiteOptions> site, EmailTemplates templates,
    Microsoft.Extensions.Localization.IStringLocalizer<AdminText> T, Shared.RuleMessages rules) : PageModel
{
    public sealed record CriterionStat(double? Mean, int? Spread);
    public sealed record Row(int Id, string Title, string Track, string Format, ProposalState State, int Reviews, IReadOnlyList<CriterionStat> Stats, double? Overall);

    public IReadOnlyList<ReviewCriterion> Criteria { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> Tracks { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Track { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var header = new[] { "Id", "Title", "Track", "Format", "State", "Reviews", "Overall mean" }
            .Concat(Criteria.SelectMany(c => new[] { c.Name + " mean", c.Name + " spread" }));
        var rows = Rows.Select(r => new[] { r.Id.ToString(CultureInfo.InvariantCulture), r.Title, r.Track, r.Format, r.State.ToString(), r.Reviews.ToString(CultureInfo.InvariantCulture), F(r.Overall) }
            .Concat(r.Stats.SelectMany(s => new[] { F(s.Mean), s.Spread?.ToString(CultureInfo.InvariantCulture) ?? "" })));
        return File(CsvExport.Write(header, rows), "text/csv", "review-scores.csv");
    }

    /// <summary>Accept, reject or waitlist the selected proposals; each drafts one notification per speaker.</summary>
    public async Task<IActionResult> OnPostDecideAsync(List<int> selected, string decision, CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return NotFound();
        if (!Enum.TryParse<DecisionKind>(decision, out var kind) || selected.Count == 0)
        {
            Problem = T["Choose at least one proposal and a decision."];
            return RedirectToPage(new { State, Track, Q, Sort });
        }
        var state = kind switch { DecisionKind.Accepted => ProposalState.Accepted, DecisionKind.Rejected => ProposalState.Rejected, _ => ProposalState.Waitlisted };
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = time.GetUtcNow().UtcDateTime;
        var settings = await db.ReviewSettingsAsync(conference.Id, ct);
        var emailKind = EmailCatalog.Get(DecisionNotification.EmailKindOf(kind));
        var proposals = await db.Proposals.Include(p => p.Speakers).Include(p => p.StateChanges)
            .Where(p => p.ConferenceEventId == conference.Id && selected.Contains(p.Id)).ToListAsync(ct);
        var refused = new List<string>();
        // The email is English whatever the organizer's language: its date too.
        // In the speaker's language, whatever language the organizer reads the back office in.
        string ConfirmBy() => settings.ConfirmBy is { } by
            ? Infrastructure.Email.EmailText.Get("{0:MMMM d, yyyy h:mm tt} ({1})", conference.ToLocal(by), conference.TimeZoneId)
            : Infrastructure.Email.EmailText.Get("as soon as you can");
        foreach (var p in proposals)
        {
            try { p.Decide(state, me, now); }
            catch (CfpRuleException ex) { refused.Add(T["“{0}”: {1}", p.Title, rules[ex]]); continue; }
            var ids = p.Speakers.Select(s => s.UserId).ToList();
            var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                .Select(u => new { u.Id, u.Email, u.Language, Name = db.SpeakerProfiles.Where(sp => sp.UserId == u.Id).Select(sp => sp.DisplayName).FirstOrDefault() ?? u.DisplayName ?? u.Email })
                .ToListAsync(ct);
            var link = site.CurrentValue.Link($"/my/submissions/{p.Id}");
            foreach (var person in people.Where(x => !string.IsNullOrEmpty(x.Email)))
            {
                using var language = templates.In(person.Language);
                var (subject, body, _) = templates.Current(emailKind, CultureInfo.CurrentUICulture.Name);
                var values = new Dictionary<string, string>
                {
                    ["speaker_name"] = person.Name ?? "", ["title"] = p.Title, ["confirm_link"] = link, ["confirm_by"] = ConfirmBy(),
                    [EmailCatalog.ConferenceName.Name] = conference.LocalName,
                };
                string Fill(string text) => EmailTemplate.Fill(text, values);
                db.DecisionNotifications.Add(new DecisionNotification
                {
                    ProposalId = p.Id, Kind = kind, ToUserId = person.Id, ToEmail = person.Email!,
                    Subject = Fill(subject)[..Math.Min(Fill(subject).Length, DecisionNotification.SubjectMaxLength)], Body = Fill(body), CreatedAt = now,
                });
            }
        }
        await db.SaveChangesAsync(ct);
        var done = proposals.Count - refused.Count;
        var decided = T[state.ToString().ToLowerInvariant()];
        Message = done == 1 ? T["1 proposal {0}; notifications drafted, nothing sent yet.", decided] : T["{1} proposals {0}; notifications drafted, nothing sent yet.", decided, done];
        if (refused.Count > 0) Problem = string.Join(" ", refused);
        return RedirectToPage(new { State, Track, Q, Sort });
    }

    private static string F(double? v) => v?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var conference = await conferences.GetAsync(ct);
        if (conference is null) return false;
        var settings = await db.ReviewSettingsAsync(conference.Id, ct);
        Criteria = settings.Criteria;
        Tracks = conference.Tracks.Select(t => t.Name).ToList();
        var query = db.Proposals.AsNoTracking().Where(p => p.ConferenceEventId == conference.Id && p.State != ProposalState.Draft && p.State != ProposalState.Withdrawn);
        if (Enum.TryParse<ProposalState>(State, out var st)) query = query.Where(p => p.State == st);
        if (!string.IsNullOrWhiteSpace(Track)) query = query.Where(p => p.Track!.Name == Track);
        if (!string.IsNullOrWhiteSpace(Q)) { var q = Q.Trim().ToLower(); query = query.Where(p => p.Title.ToLower().Contains(q)); }
        var list = await query.Select(p => new { p.Id, p.Title, Track = p.Track!.Name, Format = p.Format!.Name, p.State }).ToListAsync(ct);
        var ids = list.Select(p => p.Id).ToList();
        var scores = await (from s in db.ReviewScores
                            join r in db.ProposalReviews on s.ProposalReviewId equals r.Id
                            where ids.Contains(r.ProposalId)
                            select new { r.ProposalId, s.CriterionId, s.Score }).AsNoTracking().ToListAsync(ct);
        var reviewCounts = await db.ProposalReviews.AsNoTracking().Where(r => ids.Contains(r.ProposalId))
            .GroupBy(r => r.ProposalId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = list.Select(p =>
        {
            var mine = scores.Where(s => s.ProposalId == p.Id).ToList();
            var stats = Criteria.Select(c =>
            {
                var v = mine.Where(s => s.CriterionId == c.Id).Select(s => s.Score).ToList();
                return v.Count == 0 ? new CriterionStat(null, null) : new CriterionStat(v.Average(), v.Max() - v.Min());
            }).ToList();
            var overall = mine.Count == 0 ? (double?)null : mine.Average(s => s.Score);
            return new Row(p.Id, p.Title, p.Track, p.Format, p.State, reviewCounts.GetValueOrDefault(p.Id), stats, overall);
        });
        Rows = (Sort switch
        {
            "title" => rows.OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase),
            "reviews" => rows.OrderBy(r => r.Reviews).ThenBy(r => r.Id),
            "state" => rows.OrderBy(r => r.State.ToString()).ThenBy(r => r.Id),
            "track" => rows.OrderBy(r => r.Track).ThenBy(r => r.Id),
            _ => rows.OrderByDescending(r => r.Overall ?? -1).ThenBy(r => r.Id),
        }).ToList();
        return true;
    }
}

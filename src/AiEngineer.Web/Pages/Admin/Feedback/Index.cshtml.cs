using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Feedback;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Pages.Feedback;
using AiEngineer.Web.Pages.Schedule;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Feedback;

/// <summary>
/// Every session's feedback for the organizers: count, mean and distribution per session of the published program, the
/// comments, and the CSV. Nothing here says who gave it.
/// </summary>
public class IndexModel(AppDbContext db, ConferenceContext conferences, ProgramStore store, TimeProvider time) : PageModel
{
    /// <summary>A session (or a proposal that left the program but has feedback) with its feedback.</summary>
    public sealed record Row(int ProposalId, string Title, string? Slug, string Speakers, DateTime? StartsAt, SessionFeedbackView Feedback);

    public ConferenceEvent? Conference { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public FeedbackSummary Overall { get; private set; } = FeedbackSummary.None;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var views = await db.SessionFeedback.AsNoTracking().ViewsAsync(ct);
        Rows = (await SessionsAsync(views.Keys, ct)).Select(s => s with { Feedback = views.GetValueOrDefault(s.ProposalId, SessionFeedbackView.Empty) }).ToList();
        Overall = FeedbackSummary.Of(views.Values.SelectMany(v => v.Summary.Distribution.Select((n, i) => (i + 1, n))));
    }

    /// <summary>One row per feedback: the session, its speakers, the rating and comment, when; never who gave it.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var feedback = await db.SessionFeedback.AsNoTracking().OrderBy(f => f.ProposalId).ThenBy(f => f.Id)
            .Select(f => new { f.ProposalId, f.Rating, f.Comment, f.CreatedAt, f.UpdatedAt }).ToListAsync(ct);
        var sessions = (await SessionsAsync(feedback.Select(f => f.ProposalId).ToHashSet(), ct)).ToDictionary(s => s.ProposalId);
        var csv = CsvExport.Write(["Session", "Speakers", "Rating", "Comment", "Submitted (UTC)", "Updated (UTC)"],
            feedback.Select(f => new[]
            {
                sessions.TryGetValue(f.ProposalId, out var s) ? s.Title : "", s?.Speakers, f.Rating.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Comment,
                f.CreatedAt.ToString("yyyy-MM-dd HH:mm"), f.UpdatedAt.ToString("yyyy-MM-dd HH:mm"),
            }));
        return File(csv, "text/csv", $"feedback-{time.GetUtcNow():yyyyMMdd-HHmm}.csv");
    }

    /// <summary>
    /// The published program's sessions in time order, then any other proposal that has feedback (it left the program
    /// after people rated it), named from the proposal and its speakers' profiles.
    /// </summary>
    private async Task<List<Row>> SessionsAsync(IEnumerable<int> withFeedback, CancellationToken ct)
    {
        Conference = await conferences.GetAsync(ct);
        var program = Conference is null ? null : await store.GetAsync(Conference, ct);
        var rows = (program?.Sessions ?? []).Where(s => s.ProposalId is not null).OrderBy(s => s.StartsAt).ThenBy(s => s.RoomName)
            .Select(s => new Row(s.ProposalId!.Value, s.Title, s.Slug,
                string.Join(", ", s.SpeakerUserIds.Select(program!.SpeakerById).Where(p => p is not null).Select(p => p!.Name)), s.StartsAt, SessionFeedbackView.Empty))
            .ToList();
        var others = withFeedback.Except(rows.Select(r => r.ProposalId)).ToList();
        if (others.Count == 0) return rows;
        var proposals = await db.Proposals.AsNoTracking().Where(p => others.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.Title,
                Speakers = p.Speakers.Select(s => db.SpeakerProfiles.Where(sp => sp.UserId == s.UserId).Select(sp => sp.DisplayName).FirstOrDefault()
                                                  ?? db.Users.Where(u => u.Id == s.UserId).Select(u => u.DisplayName).FirstOrDefault()).ToList(),
            })
            .ToListAsync(ct);
        rows.AddRange(proposals.OrderBy(p => p.Title).Select(p => new Row(p.Id, p.Title, null, string.Join(", ", p.Speakers.Where(n => !string.IsNullOrEmpty(n))), null, SessionFeedbackView.Empty)));
        return rows;
    }
}

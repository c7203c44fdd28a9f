using AiEngineer.Core.Cfp;
using AiEngineer.Core.Review;
using AiEngineer.Web.Tests.Cfp;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Review;

/// <summary>Submitted proposals with speaker profiles, and the review phase set as a test needs it.</summary>
public static class ReviewTestData
{
    /// <summary>Creates a speaker with a profile and a submitted proposal; returns the proposal id.</summary>
    public static async Task<int> SubmittedProposalAsync(this SiteFactory site, string speakerEmail, string title,
        string speakerName = "Speaker", string company = "", string abstractText = "An abstract about agents.")
    {
        var call = await site.EnsureCallAsync();
        var user = await site.CreateUserAsync(speakerEmail);
        return await site.WithDbAsync(async db =>
        {
            var now = site.Time.GetUtcNow().UtcDateTime;
            db.SpeakerProfiles.Add(new SpeakerProfile { UserId = user.Id, DisplayName = speakerName, Company = company, Headline = speakerName + " headline", Website = "https://" + speakerName.Replace(" ", "").ToLowerInvariant() + ".example", UpdatedAt = now });
            var p = Proposal.StartDraft(call.ConferenceId, user.Id, Guid.NewGuid(),
                new ProposalContent(title, call.TalkId, call.TrackId, ProposalLevel.Intermediate, abstractText, "Details.", "", false, "", ""), now);
            p.Submit(user.Id, now, new SubmissionWindow(now.AddDays(-1), now.AddDays(1), true, false));
            db.Proposals.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
    }

    public static async Task SetReviewAsync(this SiteFactory site, bool open = true, bool anonymous = true, DateTime? closesAt = null, DateTime? confirmBy = null)
    {
        var call = await site.EnsureCallAsync();
        await site.WithDbAsync(async db =>
        {
            var s = await db.ReviewSettings.FirstOrDefaultAsync(x => x.ConferenceEventId == call.ConferenceId);
            if (s is null) db.ReviewSettings.Add(s = ReviewSettings.CreateDefault(call.ConferenceId));
            s.IsOpen = open;
            s.Anonymous = anonymous;
            s.OpensAt = null;
            s.ClosesAt = closesAt;
            s.ConfirmBy = confirmBy;
            await db.SaveChangesAsync();
        });
    }

    /// <summary>The review form fields: every criterion scored <paramref name="score"/>.</summary>
    public static async Task<Dictionary<string, string>> ScoreFormAsync(this SiteFactory site, int score, string comment)
    {
        var ids = await site.WithDbAsync(db => db.ReviewCriteria.Select(c => c.Id).ToListAsync());
        var form = ids.ToDictionary(id => $"Input.Scores[{id}]", _ => score.ToString());
        form["Input.Comment"] = comment;
        return form;
    }
}

using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Review;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Review;

public class ReviewerTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task Anonymous_review_shows_no_speaker_personal_data_anywhere_in_reviewer_html()
    {
        await Site.SetReviewAsync(anonymous: true);
        var id = await Site.SubmittedProposalAsync("zelda.anon@example.com", "Anonymous agents talk", "Zelda Quintessa", "Hyrule Dynamics");
        await Site.CreateUserAsync("rev.anon@example.com", Roles.Reviewer);
        var reviewer = await Site.SignedInClientAsync("rev.anon@example.com");

        foreach (var html in new[] { await reviewer.GetStringAsync("/review"), await reviewer.GetStringAsync($"/review/{id}") })
        {
            Assert.Contains("Anonymous agents talk", html);
            foreach (var secret in new[] { "Zelda", "Quintessa", "Hyrule", "zelda.anon", "zeldaquintessa.example", "/photo" })
                Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase);
        }

        await Site.SetReviewAsync(anonymous: false);
        Assert.Contains("Zelda Quintessa", await reviewer.GetStringAsync($"/review/{id}"));
        await Site.SetReviewAsync(anonymous: true);
    }

    [Fact]
    public async Task A_conflicted_proposal_is_not_listed_and_its_id_answers_404()
    {
        await Site.SetReviewAsync();
        var own = await Site.SubmittedProposalAsync("self.reviewer@example.com", "My own proposal");
        await Site.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Email == "self.reviewer@example.com");
            db.UserRoles.Add(new() { UserId = u.Id, RoleId = (await db.Roles.SingleAsync(r => r.Name == Roles.Reviewer)).Id });
            await db.SaveChangesAsync();
        });
        var colleague = await Site.SubmittedProposalAsync("colleague@example.com", "Colleague proposal", "Col League", "Acme Robotics");
        var other = await Site.SubmittedProposalAsync("stranger@example.com", "Stranger proposal", "Str Anger", "Other Inc");
        var companyReviewer = await Site.CreateUserAsync("acme.reviewer@example.com", Roles.Reviewer);
        await Site.WithDbAsync(async db =>
        {
            db.ReviewerProfiles.Add(new ReviewerProfile { UserId = companyReviewer.Id, Company = "  acme robotics " });
            await db.SaveChangesAsync();
        });

        var self = await Site.SignedInClientAsync("self.reviewer@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await self.GetAsync($"/review/{own}")).StatusCode);
        Assert.DoesNotContain("My own proposal", await self.GetStringAsync("/review"));

        var acme = await Site.SignedInClientAsync("acme.reviewer@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync($"/review/{colleague}")).StatusCode);
        var list = await acme.GetStringAsync("/review");
        Assert.DoesNotContain("Colleague proposal", list);
        Assert.Contains("Stranger proposal", list);
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync($"/review/{other}")).StatusCode);
        var post = await acme.PostFormAsync($"/review/{colleague}", await Site.ScoreFormAsync(4, "sneaky"), $"/review/{other}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task Other_reviewers_scores_stay_hidden_until_you_score_and_you_can_change_yours()
    {
        await Site.SetReviewAsync();
        var id = await Site.SubmittedProposalAsync("hidden.scores@example.com", "Hidden scores talk");
        await Site.CreateUserAsync("first.rev@example.com", Roles.Reviewer);
        await Site.CreateUserAsync("second.rev@example.com", Roles.Reviewer);
        var first = await Site.SignedInClientAsync("first.rev@example.com");
        var second = await Site.SignedInClientAsync("second.rev@example.com");

        var saved = await first.PostFormAsync($"/review/{id}", await Site.ScoreFormAsync(5, "first-reviewer-private-note"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain("first-reviewer-private-note", await second.GetStringAsync($"/review/{id}"));

        await second.PostFormAsync($"/review/{id}", await Site.ScoreFormAsync(2, "second-note"));
        Assert.Contains("first-reviewer-private-note", await second.GetStringAsync($"/review/{id}"));

        await first.PostFormAsync($"/review/{id}", await Site.ScoreFormAsync(3, "changed my mind"));
        var scores = await Site.WithDbAsync(db => db.ProposalReviews.Include(r => r.Scores).Where(r => r.ProposalId == id).ToListAsync());
        Assert.Equal(2, scores.Count);
        Assert.Contains(scores, r => r.Comment == "changed my mind" && r.Scores.All(s => s.Score == 3));
    }

    [Fact]
    public async Task Scoring_after_review_closes_or_with_a_bad_score_is_refused()
    {
        var id = await Site.SubmittedProposalAsync("closed.phase@example.com", "Closed phase talk");
        await Site.CreateUserAsync("late.rev@example.com", Roles.Reviewer);
        var late = await Site.SignedInClientAsync("late.rev@example.com");

        await Site.SetReviewAsync();
        var bad = await Site.ScoreFormAsync(6, "");
        var badResponse = await late.PostFormAsync($"/review/{id}", bad);
        Assert.Equal(HttpStatusCode.OK, badResponse.StatusCode);
        Assert.Contains("must be between 1 and 5", await badResponse.Content.ReadAsStringAsync());

        var page = await late.GetStringAsync($"/review/{id}");
        await Site.SetReviewAsync(closesAt: Site.Time.GetUtcNow().UtcDateTime);
        var response = await late.PostAsync($"/review/{id}", new FormUrlEncodedContent(new Dictionary<string, string>(await Site.ScoreFormAsync(4, "too late"))
        {
            ["__RequestVerificationToken"] = HttpClientFormExtensions.AntiforgeryToken(page),
        }));
        Assert.Contains("Review is closed", await response.Content.ReadAsStringAsync());
        Assert.False(await Site.WithDbAsync(db => db.ProposalReviews.AnyAsync(r => r.ProposalId == id)));
        await Site.SetReviewAsync();
    }

    [Fact]
    public async Task Assign_gives_each_reviewer_a_queue_with_progress()
    {
        await Site.SetReviewAsync();
        await Site.SubmittedProposalAsync("queue.speaker@example.com", "Queued talk");
        await Site.CreateUserAsync("queue.rev@example.com", Roles.Reviewer);
        await Site.CreateUserAsync("queue.org@example.com", Roles.Organizer);
        var organizer = await Site.SignedInClientAsync("queue.org@example.com");
        var assign = await organizer.PostFormAsync("/admin/review?handler=Assign", [], "/admin/review");
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);

        var reviewer = await Site.SignedInClientAsync("queue.rev@example.com");
        var queue = await reviewer.GetStringAsync("/review");
        Assert.Contains("Assigned to you", queue);
        Assert.Matches(@"\d+ of \d+ scored", queue);
        var counts = await Site.WithDbAsync(db => db.ReviewAssignments.GroupBy(a => a.ProposalId).Select(g => g.Count()).ToListAsync());
        Assert.All(counts, c => Assert.True(c <= 3));
    }
}

public class ReviewerProfileTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Setting_a_company_on_the_reviewer_profile_hides_that_companys_proposals()
    {
        var site = fixture.Site;
        await site.SetReviewAsync();
        var id = await site.SubmittedProposalAsync("initech.speaker@example.com", "Initech talk", "Ina Tech", "Initech");
        await site.CreateUserAsync("initech.rev@example.com", AiEngineer.Core.Accounts.Roles.Reviewer);
        var reviewer = await site.SignedInClientAsync("initech.rev@example.com");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/review/{id}")).StatusCode);
        var saved = await reviewer.PostFormAsync("/review/profile", new() { ["Input.Company"] = "initech " });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/review/{id}")).StatusCode);
    }
}

using AiEngineer.Core.Review;

namespace AiEngineer.Core.Tests.Review;

public class ReviewAssignerTests
{
    private static AssignableProposal P(int id, int track = 1, string speaker = "s", string company = "") =>
        new(id, track, [speaker + id], company == "" ? [] : [company]);

    private static AssignableReviewer R(string id, string company = "", params int[] tracks) => new(id, company, tracks);

    [Fact]
    public void Load_is_balanced_and_each_proposal_gets_n_distinct_reviewers()
    {
        var proposals = Enumerable.Range(1, 10).Select(i => P(i)).ToList();
        var reviewers = new[] { R("a"), R("b"), R("c"), R("d"), R("e") };
        var result = ReviewAssigner.Assign(proposals, reviewers, [], 3);
        Assert.Equal(30, result.Count);
        Assert.All(result.GroupBy(r => r.ProposalId), g => Assert.Equal(3, g.Select(x => x.ReviewerUserId).Distinct().Count()));
        var loads = result.GroupBy(r => r.ReviewerUserId).Select(g => g.Count()).ToList();
        Assert.Equal(6, loads.Min());
        Assert.Equal(6, loads.Max());
    }

    [Fact]
    public void A_reviewer_never_gets_their_own_proposal_or_one_from_their_company()
    {
        var proposals = new[] { new AssignableProposal(1, 1, ["a"], []), new AssignableProposal(2, 1, ["x"], ["Acme Corp"]) };
        var reviewers = new[] { R("a"), R("b", " acme corp "), R("c"), R("d") };
        var result = ReviewAssigner.Assign(proposals, reviewers, [], 3);
        Assert.DoesNotContain((1, "a"), result);
        Assert.DoesNotContain((2, "b"), result);
        Assert.Equal(3, result.Count(r => r.ProposalId == 1));
        Assert.Equal(3, result.Count(r => r.ProposalId == 2));
    }

    [Fact]
    public void Track_preferences_break_ties_between_equally_loaded_reviewers()
    {
        var result = ReviewAssigner.Assign([P(1, track: 7)], [R("a"), R("b"), R("z", "", 7)], [], 1);
        Assert.Equal([(1, "z")], result);
    }

    [Fact]
    public void Existing_assignments_count_so_assigning_twice_adds_nothing()
    {
        var proposals = new[] { P(1), P(2) };
        var reviewers = new[] { R("a"), R("b") };
        var first = ReviewAssigner.Assign(proposals, reviewers, [], 2);
        var second = ReviewAssigner.Assign(proposals, reviewers, first.ToList(), 2);
        Assert.Empty(second);
    }

    [Fact]
    public void The_result_is_deterministic()
    {
        var proposals = Enumerable.Range(1, 7).Select(i => P(i, track: i % 2)).ToList();
        var reviewers = new[] { R("c", "", 1), R("a"), R("b", "", 0) };
        Assert.Equal(ReviewAssigner.Assign(proposals, reviewers, [], 2), ReviewAssigner.Assign(proposals, reviewers.Reverse().ToList(), [], 2));
    }
}

public class SimilarProposalsTests
{
    [Fact]
    public void A_near_duplicate_ranks_first()
    {
        var docs = new List<SimilarProposals.Document>
        {
            new(1, "Evaluating LLM agents in production: regression suites for tool calling agents"),
            new(2, "Fine-tuning small vision models on the edge with quantization"),
            new(3, "Regression suites for tool calling LLM agents in production evaluation"),
            new(4, "Building a vector database from scratch in Rust"),
            new(5, "Agents in production: a story of on-call"),
        };
        var ranked = SimilarProposals.MostSimilar(docs, 1);
        Assert.Equal(3, ranked[0].Id);
        Assert.True(ranked[0].Score > 0.5 && ranked[0].Score > 2 * ranked[1].Score);
        Assert.DoesNotContain(ranked, r => r.Id == 1);
        Assert.DoesNotContain(ranked, r => r.Id == 4); // nothing in common
    }

    [Fact]
    public void An_unknown_target_has_no_similar_documents() =>
        Assert.Empty(SimilarProposals.MostSimilar([new(1, "text")], 9));
}

public class ProposalReviewTests
{
    private static readonly DateTime Now = new(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc);

    private static ReviewSettings Settings(bool open = true)
    {
        var s = ReviewSettings.CreateDefault(1);
        s.IsOpen = open;
        for (var i = 0; i < s.Criteria.Count; i++) s.Criteria[i].Id = i + 1;
        return s;
    }

    [Fact]
    public void Scores_outside_one_to_five_or_missing_are_refused_with_clear_messages()
    {
        var problems = ProposalReview.Validate(Settings().Criteria, new Dictionary<int, int> { [1] = 6, [2] = 3 }, "");
        Assert.Contains(problems, p => p.English.Contains("between 1 and 5") && p.English.Contains("Relevance"));
        Assert.Contains(problems, p => p.English.Contains("Clarity"));
    }

    [Fact]
    public void Scoring_after_the_phase_closes_is_refused()
    {
        var s = Settings();
        s.ClosesAt = Now;
        var review = new ProposalReview();
        Assert.Throws<AiEngineer.Core.Cfp.CfpRuleException>(() => review.Record(s, new Dictionary<int, int> { [1] = 3, [2] = 3, [3] = 3 }, "", Now));
    }

    [Fact]
    public void A_reviewer_can_change_scores_while_open()
    {
        var s = Settings();
        var review = new ProposalReview();
        review.Record(s, new Dictionary<int, int> { [1] = 3, [2] = 3, [3] = 3 }, "ok", Now);
        review.Record(s, new Dictionary<int, int> { [1] = 5, [2] = 3, [3] = 1 }, " better ", Now.AddHours(1));
        Assert.Equal(5, review.Scores.Single(x => x.CriterionId == 1).Score);
        Assert.Equal(3, review.Scores.Count);
        Assert.Equal("better", review.Comment);
    }
}

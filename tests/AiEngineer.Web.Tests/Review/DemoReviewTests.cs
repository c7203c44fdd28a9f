using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Review;

/// <summary>The Development demo: after "Assign", the demo reviewer has a queue.</summary>
public class DemoReviewTests(DemoSiteTests.Fixture fixture) : IClassFixture<DemoSiteTests.Fixture>
{
    [Fact]
    public async Task After_assign_the_demo_reviewer_has_a_queue_of_demo_proposals()
    {
        var organizer = await fixture.Site.SignedInClientAsync("organizer@example.com", DemoSeeder.DemoPassword);
        var response = await organizer.PostFormAsync("/admin/review?handler=Assign", [], "/admin/review");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);

        var reviewer = await fixture.Site.SignedInClientAsync("reviewer@example.com", DemoSeeder.DemoPassword);
        var queue = await reviewer.GetStringAsync("/review");
        Assert.Contains("Assigned to you", queue);
        Assert.Contains("0 of 4 scored", queue); // one reviewer: every demo proposal still submitted (the demo schedule confirmed seven)
        Assert.DoesNotContain("Priya", queue);
        var assigned = await fixture.Site.WithDbAsync(db => db.ReviewAssignments.CountAsync());
        Assert.Equal(4, assigned);
    }
}

using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Review;
using AiEngineer.Web.Tests.Schedule;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Admin;

public class PeopleTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task Organizers_find_people_see_their_proposals_and_give_and_take_roles()
    {
        await Site.SetReviewAsync();
        var proposal = await Site.SubmittedProposalAsync("people.speaker@example.com", "People talk", "Pia Speaker", company: "Findable Co");
        var organizer = await Site.OrganizerAsync("people.organizer@example.com");

        var organizerId = await Site.WithDbAsync(db => db.Users.Where(u => u.Email == "people.organizer@example.com").Select(u => u.Id).SingleAsync());
        var search = await organizer.GetStringAsync("/admin/people?q=pia");
        Assert.Contains("people.speaker@example.com", search);
        Assert.DoesNotContain($"/admin/people/{organizerId}", search);
        Assert.Contains("people.speaker@example.com", await organizer.GetStringAsync("/admin/people?q=FINDABLE"));
        var organizers = await organizer.GetStringAsync("/admin/people?role=Organizer");
        Assert.Contains($"/admin/people/{organizerId}", organizers);
        Assert.DoesNotContain("people.speaker@example.com", organizers);

        var id = await Site.WithDbAsync(db => db.Users.Where(u => u.Email == "people.speaker@example.com").Select(u => u.Id).SingleAsync());
        var detail = await organizer.GetStringAsync($"/admin/people/{id}");
        Assert.Contains("People talk", detail);
        Assert.Contains($"/review/{proposal}", detail);

        var give = await organizer.PostFormAsync($"/admin/people/{id}?handler=Roles", new() { ["roles"] = Roles.CheckIn }, $"/admin/people/{id}");
        Assert.Equal(HttpStatusCode.Redirect, give.StatusCode);
        var speaker = await Site.SignedInClientAsync("people.speaker@example.com");
        Assert.Equal(HttpStatusCode.OK, (await speaker.GetAsync("/checkin")).StatusCode);

        var take = await organizer.PostFormAsync($"/admin/people/{id}?handler=Roles", [], $"/admin/people/{id}");
        Assert.Equal(HttpStatusCode.Redirect, take.StatusCode);
        var roles = await Site.WithDbAsync(db => db.UserRoles.CountAsync(r => r.UserId == id));
        Assert.Equal(0, roles);

        var bogus = await organizer.PostFormAsync($"/admin/people/{id}?handler=Roles", new() { ["roles"] = "Admin" }, $"/admin/people/{id}");
        Assert.Contains("Unknown role", await bogus.Content.ReadAsStringAsync());
        Assert.Equal(0, await Site.WithDbAsync(db => db.UserRoles.CountAsync(r => r.UserId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.GetAsync("/admin/people/no-such-person")).StatusCode);
    }

    [Fact]
    public async Task An_organizer_cannot_remove_their_own_organizer_role()
    {
        var organizer = await Site.OrganizerAsync("people.self@example.com");
        var me = await Site.WithDbAsync(db => db.Users.Where(u => u.Email == "people.self@example.com").Select(u => u.Id).SingleAsync());
        var response = await organizer.PostFormAsync($"/admin/people/{me}?handler=Roles", new() { ["roles"] = Roles.Reviewer }, $"/admin/people/{me}");
        Assert.Contains("cannot remove your own Organizer role", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync("/admin")).StatusCode);
    }
}

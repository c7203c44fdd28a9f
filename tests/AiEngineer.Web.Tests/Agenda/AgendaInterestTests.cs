using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Schedule;
using AiEngineer.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Agenda;

public partial class AgendaTests
{
    [Fact]
    public async Task The_schedule_editor_counts_stars_and_warns_when_a_popular_session_is_in_a_small_room()
    {
        foreach (var email in new[] { "fan.one@example.com", "fan.two@example.com" })
            Assert.Equal(HttpStatusCode.Redirect, (await StarAsync(await AttendeeAsync(email), fixture.Ben, true)).StatusCode);
        var stars = await Site.WithDbAsync(db => db.SessionStars.CountAsync(s => s.ProposalId == fixture.Ben)); // other tests star too
        Assert.True(stars >= 2);
        var benItem = await Site.WithDbAsync(db => db.ScheduleItems.Where(i => i.ProposalId == fixture.Ben).Select(i => i.Id).FirstAsync());

        var organizer = await Site.OrganizerAsync("agenda.organizer@example.com");
        var editor = WebUtility.HtmlDecode(await organizer.GetStringAsync($"/admin/schedule?day={fixture.Day}"));
        Assert.Matches(new Regex($"data-item=\"{benItem}\"(?:(?!data-item=).)*data-stars=\"{stars}\"(?:(?!data-item=).)*Starred by {stars}", RegexOptions.Singleline), editor);
        Assert.DoesNotContain("RoomTooSmall", editor);

        // Room B, where Ben's talk is, seats fewer people than starred it: the editor warns.
        var room = await Site.WithDbAsync(db => db.Rooms.AsNoTracking().SingleAsync(r => r.Name == "Room B"));
        Task<HttpResponseMessage> SeatsAsync(int capacity) => organizer.PostFormAsync("/admin/schedule/setup?handler=Room", new()
        {
            ["Room.Id"] = room.Id.ToString(), ["Room.Name"] = room.Name, ["Room.Capacity"] = capacity.ToString(),
            ["Room.SortOrder"] = room.SortOrder.ToString(), ["Room.Livestreamed"] = room.Livestreamed ? "true" : "false", ["Room.StreamUrl"] = room.StreamUrl ?? "",
        }, "/admin/schedule/setup");
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SeatsAsync(stars - 1)).StatusCode);
            editor = WebUtility.HtmlDecode(await organizer.GetStringAsync($"/admin/schedule?day={fixture.Day}"));
            Assert.Contains("data-warning=\"RoomTooSmall\"", editor);
            Assert.Contains($"“Evals on every commit” is starred by {stars} people, more than the {stars - 1} seats in Room B.", editor);

            const string zhEmail = "zh.agenda.organizer@example.com";
            await Site.CreateUserAsync(zhEmail, AiEngineer.Core.Accounts.Roles.Organizer);
            await Site.WithDbAsync(async db => { (await db.Users.SingleAsync(u => u.Email == zhEmail)).Language = "zh-Hans"; await db.SaveChangesAsync(); });
            var zhOrganizer = await Site.SignedInClientAsync(zhEmail);
            var chinese = WebUtility.HtmlDecode(await NoEnglish.OnAsync(Site, zhOrganizer, $"/admin/schedule?day={fixture.Day}", "AdminText", "RuleText"));
            Assert.Contains($"“Evals on every commit”有 {stars} 人收藏，超过了 Room B 的 {stars - 1} 个座位。", chinese);
            Assert.Contains($"{stars} 人收藏", chinese);

            // Enough seats: no warning.
            Assert.Equal(HttpStatusCode.Redirect, (await SeatsAsync(stars)).StatusCode);
            Assert.DoesNotContain("RoomTooSmall", await organizer.GetStringAsync($"/admin/schedule?day={fixture.Day}"));
        }
        finally
        {
            await SeatsAsync(room.Capacity);
        }
    }
}

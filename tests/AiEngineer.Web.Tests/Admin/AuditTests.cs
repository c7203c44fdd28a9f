using System.Net;
using System.Text.Json;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Audit;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Review;
using AiEngineer.Web.Tests.Schedule;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Admin;

/// <summary>Organizer and reviewer changes land in the audit log with before and after; attendees' do not; nobody edits it.</summary>
public class AuditTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private SiteFactory Site => fixture.Site;

    private Task<List<AuditEntry>> EntriesAsync(string type) =>
        Site.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == type).OrderBy(a => a.Id).ToListAsync());

    private static Dictionary<string, string?[]> Changes(AuditEntry e) => JsonSerializer.Deserialize<Dictionary<string, string?[]>>(e.Changes)!;

    [Fact]
    public async Task Each_kind_of_organizer_change_is_recorded_with_who_what_and_before_and_after()
    {
        await Site.SetReviewAsync();
        var organizer = await Site.OrganizerAsync("audit.organizer@example.com");
        var organizerId = await Site.WithDbAsync(db => db.Users.Where(u => u.Email == "audit.organizer@example.com").Select(u => u.Id).FirstAsync());

        // Ticket catalog: create, then change the price.
        await organizer.PostFormAsync("/admin/tickets/edit", new()
        {
            ["Input.Name"] = "Audited Type", ["Input.Kind"] = "0", ["Input.Price"] = "100", ["Input.Capacity"] = "10",
            ["Input.MinPerOrder"] = "1", ["Input.MaxPerOrder"] = "2", ["Input.SortOrder"] = "0",
        });
        var typeId = await Site.WithDbAsync(db => db.TicketTypes.Where(t => t.Name == "Audited Type").Select(t => t.Id).SingleAsync());
        await organizer.PostFormAsync($"/admin/tickets/edit/{typeId}", new()
        {
            ["Input.Name"] = "Audited Type", ["Input.Kind"] = "0", ["Input.Price"] = "150", ["Input.Capacity"] = "10",
            ["Input.MinPerOrder"] = "1", ["Input.MaxPerOrder"] = "2", ["Input.SortOrder"] = "0",
        });
        var types = await EntriesAsync("TicketType");
        var added = Assert.Single(types, e => e.Action == AuditAction.Added);
        Assert.Equal(typeId.ToString(), added.EntityId);
        Assert.Equal(organizerId, added.UserId);
        Assert.Equal("audit.organizer@example.com", added.UserName);
        Assert.Equal("/admin/tickets/edit", added.Path);
        var modified = Assert.Single(types, e => e.Action == AuditAction.Modified);
        Assert.Equal("10000 → 15000", string.Join(" → ", Changes(modified)["PriceMinor"]));
        Assert.DoesNotContain("Name", Changes(modified).Keys);

        // Vouchers.
        await organizer.PostFormAsync("/admin/vouchers", new() { ["Input.Code"] = "AUDIT10", ["Input.Kind"] = "0", ["Input.Value"] = "10", ["Input.MaxUses"] = "5" });
        Assert.Contains(await EntriesAsync("Voucher"), e => e.Action == AuditAction.Added && Changes(e)["Code"][1] == "AUDIT10");

        // A review decision.
        var proposal = await Site.SubmittedProposalAsync("audit.speaker@example.com", "Audited talk", "Aud Speaker");
        await organizer.PostFormAsync("/admin/review/proposals?handler=Decide", new() { ["selected"] = proposal.ToString(), ["decision"] = "Accepted" }, "/admin/review/proposals");
        var decision = Assert.Single(await EntriesAsync("Proposal"), e => e.EntityId == proposal.ToString());
        Assert.Equal("Submitted → Accepted", string.Join(" → ", Changes(decision)["State"]));
        Assert.Contains(await EntriesAsync("DecisionNotification"), e => e.Action == AuditAction.Added);

        // The schedule: a room, slots, a placed item, its removal, a published version.
        await organizer.PostFormAsync("/admin/schedule/setup?handler=Room", new() { ["Room.Name"] = "Audit Hall", ["Room.Capacity"] = "40", ["Room.SortOrder"] = "9" }, "/admin/schedule/setup");
        Assert.Contains(await EntriesAsync("Room"), e => e.Action == AuditAction.Added && Changes(e)["Name"][1] == "Audit Hall" && e.EntityId != null);
        var day3 = await Site.EventDayAsync(2);
        await organizer.AddSlotsAsync(day3, "09:00", "09:30");
        var slot = await Site.SlotIdAsync(day3, "09:00");
        await organizer.PostFormAsync("/admin/schedule?handler=Item", new() { ["Item.Title"] = "Audited break", ["Item.Kind"] = "Break", ["Item.SlotId"] = slot.ToString(), ["Item.RoomId"] = "" }, "/admin/schedule");
        var itemId = await Site.WithDbAsync(db => db.ScheduleItems.Where(i => i.Title == "Audited break").Select(i => i.Id).SingleAsync());
        await organizer.PublishAsync();
        Assert.Contains(await EntriesAsync("ScheduleVersion"), e => e.Action == AuditAction.Added && !Changes(e).ContainsKey("Snapshot"));
        await organizer.PostFormAsync($"/admin/schedule?handler=Remove&id={itemId}", [], "/admin/schedule");
        var removed = Assert.Single(await EntriesAsync("ScheduleItem"), e => e.Action == AuditAction.Deleted);
        Assert.Equal(itemId.ToString(), removed.EntityId);
        Assert.Equal("Audited break", Changes(removed)["Title"][0]);

        // A role given through People.
        var person = await Site.CreateUserAsync("audit.person@example.com");
        await organizer.PostFormAsync($"/admin/people/{person.Id}?handler=Roles", new() { ["roles"] = Roles.Reviewer }, $"/admin/people/{person.Id}");
        Assert.Contains(await EntriesAsync("IdentityUserRole"), e => e.Action == AuditAction.Added && Changes(e)["UserId"][1] == person.Id);

        // Secrets never reach the log.
        var all = await Site.WithDbAsync(db => db.AuditEntries.Select(a => a.Changes).ToListAsync());
        Assert.DoesNotContain(all, c => c.Contains("PasswordHash") || c.Contains("SecurityStamp") || c.Contains("AccessToken"));

        // The log page shows and filters it.
        var page = WebUtility.HtmlDecode(await organizer.GetStringAsync("/admin/audit?type=TicketType"));
        Assert.Contains("Modified TicketType", page);
        Assert.Contains("10000", page);
        Assert.DoesNotContain("Added Voucher", page);
        Assert.Contains("Added Voucher", WebUtility.HtmlDecode(await organizer.GetStringAsync("/admin/audit?who=audit.organizer")));
        Assert.Contains("Nothing matches", await organizer.GetStringAsync("/admin/audit?who=nobody-at-all"));
    }

    [Fact]
    public async Task A_reviewers_scores_are_recorded_and_an_attendees_own_changes_are_not()
    {
        await Site.SetReviewAsync();
        var proposal = await Site.SubmittedProposalAsync("audit.speaker2@example.com", "Audited talk two", "Aud Two");
        await Site.CreateUserAsync("audit.reviewer@example.com", Roles.Reviewer);
        var reviewer = await Site.SignedInClientAsync("audit.reviewer@example.com");
        var before = await Site.WithDbAsync(db => db.AuditEntries.CountAsync());
        await reviewer.PostFormAsync($"/review/{proposal}", await Site.ScoreFormAsync(3, "fine"));
        var reviews = await Site.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "ProposalReview" && a.UserName == "audit.reviewer@example.com").ToListAsync());
        Assert.NotEmpty(reviews);

        // A speaker editing their own profile is not staff: nothing is logged.
        var speaker = await Site.SignedInClientAsync("audit.speaker2@example.com");
        var countBefore = await Site.WithDbAsync(db => db.AuditEntries.CountAsync());
        var saved = await speaker.PostFormAsync("/my/availability", new()
        {
            ["Days[0].Day"] = await Site.EventDayAsync(0), ["Days[0].Choice"] = "None", ["Days[1].Day"] = await Site.EventDayAsync(1), ["Days[1].Choice"] = "AllDay",
            ["Days[2].Day"] = await Site.EventDayAsync(2), ["Days[2].Choice"] = "AllDay",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode); // saved, so the unchanged count means "not logged", not "refused"
        Assert.Equal(countBefore, await Site.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.True(countBefore > before);
    }

    [Fact]
    public async Task The_audit_log_cannot_be_changed_or_deleted()
    {
        await Site.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = Site.Time.GetUtcNow().UtcDateTime, UserId = "x", UserName = "x", EntityType = "Test", Changes = "{}", Path = "/" });
            await db.SaveChangesAsync();
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => Site.WithDbAsync(async db =>
        {
            var e = await db.AuditEntries.FirstAsync(a => a.EntityType == "Test");
            e.Changes = "{\"forged\":[null,\"yes\"]}";
            await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Site.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync(a => a.EntityType == "Test"));
            await db.SaveChangesAsync();
        }));
        Assert.Equal("{}", await Site.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Test").Select(a => a.Changes).SingleAsync()));
        // The page has no form that posts.
        var organizer = await Site.OrganizerAsync("audit.viewer@example.com");
        var html = await organizer.GetStringAsync("/admin/audit");
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        var forms = System.Text.RegularExpressions.Regex.Matches(main, "<form[^>]*>").Select(m => m.Value).ToList();
        Assert.All(forms, f => Assert.Contains("method=\"get\"", f));
    }
}

using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Web.Tests.Cfp;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Review;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Schedule;

/// <summary>Confirmed proposals to place, an organizer, and the schedule forms posted as a browser would.</summary>
public static class ScheduleTestData
{
    /// <summary>A proposal by <paramref name="email"/> (created with a profile on first use), submitted, accepted and confirmed through the entity's own rules.</summary>
    public static async Task<int> ConfirmedProposalAsync(this SiteFactory site, string email, string title, string name)
    {
        if (!await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)))
            return await ConfirmAsync(site, await site.SubmittedProposalAsync(email, title, name));
        var call = await site.EnsureCallAsync();
        var id = await site.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync();
            var now = site.Time.GetUtcNow().UtcDateTime;
            var p = Proposal.StartDraft(call.ConferenceId, userId, Guid.NewGuid(),
                new ProposalContent(title, call.TalkId, call.TrackId, ProposalLevel.Intermediate, "An abstract.", "Details.", "", false, "", ""), now);
            p.Submit(userId, now, new SubmissionWindow(now.AddDays(-1), now.AddDays(1), true, false));
            db.Proposals.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        return await ConfirmAsync(site, id);
    }

    private static async Task<int> ConfirmAsync(SiteFactory site, int id)
    {
        await site.WithDbAsync(async db =>
        {
            var p = await db.Proposals.Include(x => x.Speakers).Include(x => x.StateChanges).FirstAsync(x => x.Id == id);
            var now = site.Time.GetUtcNow().UtcDateTime;
            p.Decide(ProposalState.Accepted, p.Speakers[0].UserId, now);
            p.Answer(true, p.Speakers[0].UserId, now, null);
            await db.SaveChangesAsync();
        });
        return id;
    }

    public static async Task<HttpClient> OrganizerAsync(this SiteFactory site, string email = "scheduler@example.com")
    {
        if (!await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))) await site.CreateUserAsync(email, Roles.Organizer);
        return await site.SignedInClientAsync(email);
    }

    public static Task<HttpResponseMessage> AddSlotsAsync(this HttpClient organizer, string day, string start, string end, int repeat = 1, int gap = 0) =>
        organizer.PostFormAsync("/admin/schedule/setup?handler=Slot", new()
        {
            ["Slot.Day"] = day, ["Slot.Start"] = start, ["Slot.End"] = end, ["Slot.Repeat"] = repeat.ToString(), ["Slot.GapMinutes"] = gap.ToString(),
        }, "/admin/schedule/setup");

    public static async Task<int> SlotIdAsync(this SiteFactory site, string day, string start)
    {
        var (d, t) = (DateOnly.Parse(day), TimeOnly.Parse(start));
        return await site.WithDbAsync(async db =>
        {
            var c = await db.Conferences.FirstAsync();
            var utc = c.ToUtc(d, t);
            return await db.TimeSlots.Where(s => s.StartsAt == utc).Select(s => s.Id).FirstAsync();
        });
    }

    public static async Task<int> RoomIdAsync(this SiteFactory site, string name) =>
        await site.WithDbAsync(db => db.Rooms.Where(r => r.Name == name).Select(r => r.Id).FirstAsync());

    public static async Task<HttpResponseMessage> PlaceAsync(this HttpClient organizer, SiteFactory site, int proposalId, string day, string start, string room) =>
        await organizer.PostFormAsync("/admin/schedule?handler=Place", new()
        {
            ["Place.ProposalId"] = proposalId.ToString(),
            ["Place.SlotId"] = (await site.SlotIdAsync(day, start)).ToString(),
            ["Place.RoomId"] = (await site.RoomIdAsync(room)).ToString(),
        }, "/admin/schedule");

    public static Task<HttpResponseMessage> PublishAsync(this HttpClient organizer, string note = "") =>
        organizer.PostFormAsync("/admin/schedule?handler=Publish", new() { ["Note"] = note }, "/admin/schedule");
}

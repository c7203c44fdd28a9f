using System.Text.Json;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Data;
using AiEngineer.Core.Sponsors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Security;

/// <summary>
/// A person's own data: everything the site holds about them as one JSON file, and erasing the account. Orders and
/// tickets stay for accounting and seat counts, with the person's name, email, company and address removed.
/// </summary>
public sealed class PersonalData(AppDbContext db, UserManager<AppUser> users)
{
    public const string Erased = "Deleted account";

    public async Task<byte[]> ExportAsync(AppUser user, CancellationToken ct)
    {
        var email = user.Email ?? "";
        var profile = await db.SpeakerProfiles.AsNoTracking().Where(p => p.UserId == user.Id)
            .Select(p => new { p.DisplayName, p.Headline, p.Company, p.Pronouns, p.City, p.Bio, p.Website, p.GitHub, p.Social, p.LinkedIn, HasPhoto = p.PhotoId != null, p.UpdatedAt })
            .FirstOrDefaultAsync(ct);
        var data = new
        {
            account = new { user.Email, user.DisplayName, user.CreatedAt, user.EmailConfirmed, user.TwoFactorEnabled, roles = await users.GetRolesAsync(user) },
            speakerProfile = profile,
            availability = await db.SpeakerAvailabilities.AsNoTracking().Where(a => a.UserId == user.Id).Select(a => new { a.StartsAt, a.EndsAt }).ToListAsync(ct),
            proposals = await db.Proposals.AsNoTracking().Where(p => p.Speakers.Any(s => s.UserId == user.Id))
                .Select(p => new { p.Title, p.Abstract, p.Description, p.Notes, p.Level, State = p.State.ToString(), p.CreatedAt, p.SubmittedAt, p.SlidesUrl, p.VideoUrl }).ToListAsync(ct),
            orders = await db.Orders.AsNoTracking().Where(o => o.UserId == user.Id || o.BuyerEmail == email)
                .Select(o => new { o.Code, Status = o.Status.ToString(), o.BuyerName, o.BuyerEmail, o.BuyerCompany, o.InvoiceAddress, o.VatId, o.Currency, o.TotalMinor, o.RefundedMinor, o.CreatedAt, o.PaidAt,
                    tickets = o.Tickets.Select(t => new { t.Code, t.AttendeeName, t.AttendeeEmail, Type = t.TicketType.Name }) }).ToListAsync(ct),
            ticketsInMyName = await db.Tickets.AsNoTracking().Where(t => t.AttendeeEmail == email)
                .Select(t => new { t.Code, Type = t.TicketType.Name, t.AttendeeName, t.Company, t.JobTitle, t.Dietary, t.Accessibility, t.ShirtSize, t.CheckedInAt }).ToListAsync(ct),
            waitlist = await db.WaitlistEntries.AsNoTracking().Where(w => w.Email == email).Select(w => new { w.Name, w.Email, w.CreatedAt }).ToListAsync(ct),
            starredSessions = await db.SessionStars.AsNoTracking().Where(s => s.UserId == user.Id)
                .Join(db.Proposals, s => s.ProposalId, p => p.Id, (s, p) => new { p.Title, s.StarredAt }).ToListAsync(ct),
            agendaCalendarLink = await db.AgendaFeeds.AsNoTracking().Where(f => f.UserId == user.Id).Select(f => new { f.CreatedAt }).FirstOrDefaultAsync(ct),
            sponsorships = await db.Sponsorships.AsNoTracking().Where(s => s.ContactUserId == user.Id)
                .Select(s => new { s.CompanyName, s.Website, s.ContactName, s.ContactEmail, s.ContactPhone, s.BillingAddress, s.VatId, Status = s.Status.ToString() }).ToListAsync(ct),
        };
        return JsonSerializer.SerializeToUtf8Bytes(data, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Why the account cannot be erased yet, or null when it can.</summary>
    public async Task<string?> BlockerAsync(AppUser user, CancellationToken ct)
    {
        if ((await users.GetRolesAsync(user)).Count > 0)
            return "Your account has a staff role (organizer, reviewer or check-in). Ask an organizer to remove the role first.";
        if (await db.Proposals.AnyAsync(p => p.Speakers.Any(s => s.UserId == user.Id) && (p.State == ProposalState.Accepted || p.State == ProposalState.Confirmed), ct))
            return "You are speaking at the summit (an accepted or confirmed session). Decline it or write to the organizers first.";
        if (await db.Sponsorships.AnyAsync(s => s.ContactUserId == user.Id && (s.Status == SponsorshipStatus.Applied || s.Status == SponsorshipStatus.Approved || s.Status == SponsorshipStatus.Live), ct))
            return "You are the contact for an active sponsorship. Ask the organizers to move it to a colleague first.";
        return null;
    }

    /// <summary>Erases the account in one transaction; the caller checked <see cref="BlockerAsync"/>.</summary>
    public async Task EraseAsync(AppUser user, CancellationToken ct)
    {
        var email = user.Email ?? "";
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var o in await db.Orders.Where(o => o.UserId == user.Id || o.BuyerEmail == email).ToListAsync(ct))
            {
                o.UserId = null;
                o.BuyerName = Erased;
                o.BuyerEmail = $"erased-{o.Code.ToLowerInvariant()}@invalid.example";
                o.BuyerCompany = null;
                o.InvoiceAddress = null;
                o.VatId = null;
            }
            foreach (var t in await db.Tickets.Where(t => t.AttendeeEmail == email).ToListAsync(ct))
            {
                t.AttendeeName = Erased;
                t.AttendeeEmail = $"erased-{t.Code.ToLowerInvariant()}@invalid.example";
                t.Company = t.JobTitle = t.Dietary = t.Accessibility = t.ShirtSize = null;
            }
            db.WaitlistEntries.RemoveRange(await db.WaitlistEntries.Where(w => w.Email == email).ToListAsync(ct));
            db.CoSpeakerInvitations.RemoveRange(await db.CoSpeakerInvitations.Where(i => i.Email == email).ToListAsync(ct));
            foreach (var s in await db.Sponsorships.Where(s => s.ContactUserId == user.Id).ToListAsync(ct))
            {
                s.ContactUserId = "erased";
                s.ContactName = Erased;
                s.ContactEmail = $"erased-{s.Id}@invalid.example";
                s.ContactPhone = "";
            }
            // Proposals only this person is on go with the account (none is accepted: BlockerAsync); co-speakers keep theirs.
            var solo = await db.Proposals.Where(p => p.Speakers.Any(s => s.UserId == user.Id) && p.Speakers.Count == 1).Select(p => p.Id).ToListAsync(ct);
            db.ScheduleItems.RemoveRange(await db.ScheduleItems.Where(i => i.ProposalId != null && solo.Contains(i.ProposalId.Value)).ToListAsync(ct));
            db.Proposals.RemoveRange(await db.Proposals.Where(p => solo.Contains(p.Id)).ToListAsync(ct));
            db.OutboundEmails.RemoveRange(await db.OutboundEmails.Where(e => e.ToAddress == email).ToListAsync(ct));
            await db.SaveChangesAsync(ct);
            var result = await users.DeleteAsync(user);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await tx.CommitAsync(ct);
        });
    }
}

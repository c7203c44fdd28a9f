using AiEngineer.Core.Cfp;
using AiEngineer.Core.Data;
using AiEngineer.Core.Email;
using AiEngineer.Core.Sponsors;
using AiEngineer.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Email;

/// <summary>Who is in each segment an organizer can write to: one entry per address, whatever its case.</summary>
public static class Segments
{
    public sealed record Recipient(string Email, string? Name);

    public static async Task<IReadOnlyList<Recipient>> RecipientsAsync(AppDbContext db, Segment segment, CancellationToken ct)
    {
        var people = segment switch
        {
            Segment.AllAttendees => await Attendees(db, null).ToListAsync(ct),
            Segment.InPersonAttendees => await Attendees(db, TicketKind.InPerson).ToListAsync(ct),
            Segment.RemoteAttendees => await Attendees(db, TicketKind.Remote).ToListAsync(ct),
            Segment.ConfirmedSpeakers => await (
                from ps in db.ProposalSpeakers
                join p in db.Proposals on ps.ProposalId equals p.Id
                join u in db.Users on ps.UserId equals u.Id
                where p.State == ProposalState.Confirmed && u.Email != null
                orderby u.Email
                select new Recipient(u.Email!, db.SpeakerProfiles.Where(sp => sp.UserId == u.Id).Select(sp => sp.DisplayName).FirstOrDefault() ?? u.DisplayName)
            ).ToListAsync(ct),
            Segment.SponsorContacts => await db.Sponsorships
                .Where(s => s.Status == SponsorshipStatus.Approved || s.Status == SponsorshipStatus.Live)
                .OrderBy(s => s.ContactEmail)
                .Select(s => new Recipient(s.ContactEmail, s.ContactName)).ToListAsync(ct),
            _ => [],
        };
        return people.Where(p => p.Email.Contains('@'))
            .DistinctBy(p => p.Email.Trim().ToLowerInvariant())
            .Select(p => p with { Email = p.Email.Trim(), Name = string.IsNullOrWhiteSpace(p.Name) ? null : p.Name.Trim() })
            .ToList();
    }

    /// <summary>Holders of tickets in paid orders (a transferred ticket counts for its new holder only).</summary>
    private static IQueryable<Recipient> Attendees(AppDbContext db, TicketKind? kind) =>
        db.Tickets.Where(t => t.Order.Status == OrderStatus.Paid && (kind == null || t.TicketType.Kind == kind))
            .OrderBy(t => t.Id)
            .Select(t => new Recipient(t.AttendeeEmail, t.AttendeeName));
}

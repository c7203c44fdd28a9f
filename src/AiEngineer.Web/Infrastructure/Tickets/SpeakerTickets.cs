using AiEngineer.Core.Cfp;
using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Tickets;

/// <summary>
/// The one place confirmed speakers get their free in-person ticket: a complimentary order of the hidden
/// "Speaker" type for each speaker on the proposal who has no valid Speaker ticket yet.
/// Problems are written to the proposal's history; they never undo the confirmation.
/// </summary>
public sealed class SpeakerTickets(AppDbContext db, TicketSales sales, TimeProvider time)
{
    public const string TicketTypeName = "Speaker";
    public const string IssuedBy = "speaker-confirmation";

    /// <summary>Issues the tickets for a confirmed (and already saved) proposal; returns how many were issued.</summary>
    public async Task<int> IssueAsync(int proposalId, string actorUserId, CancellationToken ct = default)
    {
        var proposal = await db.Proposals.Include(p => p.Speakers).Include(p => p.StateChanges).FirstAsync(p => p.Id == proposalId, ct);
        var type = await db.TicketTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Name == TicketTypeName, ct);
        if (type is null)
        {
            proposal.RecordNote(actorUserId, time.GetUtcNow().UtcDateTime, "No \"Speaker\" ticket type exists, so no speaker ticket was issued; an organizer should issue one by hand.");
            await db.SaveChangesAsync(ct);
            return 0;
        }
        var issued = 0;
        foreach (var speaker in proposal.Speakers.OrderBy(s => s.JoinedAt))
        {
            var person = await db.Users.AsNoTracking().Where(u => u.Id == speaker.UserId)
                .Select(u => new { u.Email, Name = db.SpeakerProfiles.Where(sp => sp.UserId == u.Id).Select(sp => sp.DisplayName).FirstOrDefault() ?? u.DisplayName ?? u.Email, Company = db.SpeakerProfiles.Where(sp => sp.UserId == u.Id).Select(sp => sp.Company).FirstOrDefault() })
                .FirstAsync(ct);
            var email = person.Email ?? "";
            var has = await db.Tickets.AnyAsync(t => t.TicketTypeId == type.Id && t.CancelledAt == null && t.Order.Status == OrderStatus.Paid
                && (t.Order.UserId == speaker.UserId || t.AttendeeEmail == email), ct);
            if (has) continue;
            var name = string.IsNullOrWhiteSpace(person.Name) ? email : person.Name!;
            var company = string.IsNullOrWhiteSpace(person.Company) ? null : person.Company;
            // Deterministic key: confirming twice (or a retry) finds the same order instead of a second ticket.
            var key = new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"speaker-ticket:{proposalId}:{speaker.UserId}")));
            var outcome = await sales.PlaceOrderAsync(new OrderRequest(key,
                [new AttendeeInput(type.Id, name, email, company, null, null, null, null)],
                new BuyerInput(name, email, company, null, null), null, PaymentMethod.Comp, speaker.UserId, IssuedBy), ct);
            if (outcome.Succeeded) issued++;
            else
            {
                proposal.RecordNote(actorUserId, time.GetUtcNow().UtcDateTime, $"The speaker ticket for {name} could not be issued: {string.Join(" ", outcome.Errors.Select(e => e.English))}"); // a record: English, like the rest of the history
                await db.SaveChangesAsync(ct);
            }
        }
        return issued;
    }
}

using AiEngineer.Core.Data;
using AiEngineer.Core.Email;
using AiEngineer.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiEngineer.Core.Sponsors;

/// <summary>Bound to "Sponsors".</summary>
public sealed class SponsorOptions
{
    public const string Section = "Sponsors";
    /// <summary>How long an application holds its slot while organizers decide.</summary>
    public int ApplicationHoldDays { get; set; } = 7;
    /// <summary>How long an approved sponsor has to pay before the slot is released.</summary>
    public int PaymentDays { get; set; } = 14;
}

/// <summary>The sponsor emails; the web layer knows links and layout.</summary>
public interface ISponsorEmails
{
    OutboundEmail Received(Sponsorship s, DateTime now);
    OutboundEmail Decided(Sponsorship s, DateTime now);
    OutboundEmail Live(Sponsorship s, DateTime now);
}

public sealed record SponsorApplication(Guid IdempotencyKey, string ContactUserId, int TierId, string CompanyName, string Website,
    string ContactName, string ContactEmail, string ContactPhone, string BillingAddress, string? VatId, string Description, SponsorLogo Logo);

/// <summary>
/// The sponsorship workflow. A slot is taken by one conditional UPDATE (Taken + 1 &lt;= Slots), judged by the rows it changed,
/// so there are never more sponsors in a tier than slots; every way out of the pipeline gives the slot back.
/// </summary>
public sealed class SponsorSales(AppDbContext db, TimeProvider time, ISponsorEmails emails, IOptionsMonitor<SponsorOptions> options)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<(Sponsorship? Sponsorship, Problem? Error)> ApplyAsync(SponsorApplication a, CancellationToken ct = default)
    {
        var repeat = await db.Sponsorships.AsNoTracking().FirstOrDefaultAsync(s => s.IdempotencyKey == a.IdempotencyKey, ct);
        if (repeat is not null) return (repeat, null);
        // Tracked (never saved from here: its counter changes only through the conditional UPDATE) so the emails can read it.
        var tier = await db.SponsorTiers.FirstOrDefaultAsync(t => t.Id == a.TierId, ct);
        if (tier is null || !tier.Open) return (null, "Choose a tier that is open.");
        var now = Now;
        var baseSlug = Conference.Slug.From(a.CompanyName, 60);
        var slug = baseSlug;
        for (var i = 2; await db.Sponsorships.AnyAsync(s => s.Slug == slug, ct); i++) slug = $"{baseSlug}-{i}";

        var sponsorship = new Sponsorship
        {
            Slug = slug, TierId = tier.Id, Tier = tier, ContactUserId = a.ContactUserId, CompanyName = a.CompanyName.Trim(), Website = a.Website.Trim(),
            ContactName = a.ContactName.Trim(), ContactEmail = a.ContactEmail.Trim(), ContactPhone = a.ContactPhone.Trim(),
            BillingAddress = a.BillingAddress.Trim(), VatId = string.IsNullOrWhiteSpace(a.VatId) ? null : a.VatId.Trim(),
            Description = a.Description.Trim(), Status = SponsorshipStatus.Applied, SlotHeld = true, CreatedAt = now,
            HoldExpiresAt = now.AddDays(options.CurrentValue.ApplicationHoldDays), IdempotencyKey = a.IdempotencyKey, Logo = a.Logo,
        };
        sponsorship.Log($"Applied for {tier.Name}", now, a.ContactEmail);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var held = await db.SponsorTiers.Where(t => t.Id == tier.Id && t.Open && t.Taken + 1 <= t.Slots)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Taken, t => t.Taken + 1), ct);
        if (held != 1)
        {
            await tx.RollbackAsync(ct);
            return (null, $"{tier.LocalName} is sold out.");
        }
        db.Sponsorships.Add(sponsorship);
        db.OutboundEmails.Add(emails.Received(sponsorship, now));
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var first = await db.Sponsorships.AsNoTracking().FirstOrDefaultAsync(s => s.IdempotencyKey == a.IdempotencyKey, ct);
            if (first is null) throw;
            return (first, null);
        }
        return (sponsorship, null);
    }

    public async Task<Problem?> ApproveAsync(int id, string message, string actor, CancellationToken ct = default)
    {
        var s = await LoadAsync(id, ct);
        if (s is null) return "No such sponsorship.";
        if (s.Status != SponsorshipStatus.Applied) return $"Only an application can be approved; this one is {s.Status}.";
        var now = Now;
        s.Approve(message, now, now.AddDays(options.CurrentValue.PaymentDays), actor);
        db.OutboundEmails.Add(emails.Decided(s, now));
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<Problem?> RejectAsync(int id, string message, string actor, CancellationToken ct = default)
    {
        var s = await LoadAsync(id, ct);
        if (s is null) return "No such sponsorship.";
        if (s.Status is not (SponsorshipStatus.Applied or SponsorshipStatus.Approved)) return $"A {s.Status} sponsorship cannot be rejected.";
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        s.Reject(message, now, actor);
        db.OutboundEmails.Add(emails.Decided(s, now));
        await db.SaveChangesAsync(ct);
        await ReleaseSlotAsync(s.TierId, ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>
    /// Payment received: an invoice an organizer marks paid, or a card payment the Stripe webhook confirms. The one place a
    /// sponsorship goes live. A repeat of the same payment changes nothing; a second, different payment of a live sponsorship
    /// is answered with an error so the caller can flag it for a refund.
    /// </summary>
    public async Task<Problem?> MarkPaidAsync(int id, SponsorPayment payment, string actor, CancellationToken ct = default)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var s = await LoadAsync(id, ct);
            if (s is null) return "No such sponsorship.";
            if (s.Status == SponsorshipStatus.Live)
                return payment.Reference is null || payment.Reference == s.PaymentReference
                    ? null
                    : (Problem)$"It was already paid ({s.PaymentMethod}) on {s.PaidAt:yyyy-MM-dd}.";
            if (s.Status != SponsorshipStatus.Approved) return $"Only an approved sponsorship can be marked paid; this one is {s.Status}.";
            var now = Now;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            s.MarkPaid(payment, now, actor);
            db.OutboundEmails.Add(emails.Live(s, now));
            Tickets.Voucher? voucher = null;
            if (s.Tier.IncludedTickets > 0 && s.Tier.IncludedTicketTypeId is { } typeId)
            {
                // The included tickets are a complimentary voucher: the contact shares the code or issues tickets by name,
                // and the voucher's use limit keeps the total to what the tier includes.
                voucher = new Tickets.Voucher
                {
                    Code = $"SPONSOR-{s.Id}-{Tickets.Order.NewCode()[..6]}",
                    Kind = Tickets.VoucherKind.Comp,
                    MaxUses = s.Tier.IncludedTickets,
                    UnlocksHidden = true,
                    Note = $"Included tickets: {s.CompanyName} ({s.Tier.Name})",
                };
                voucher.TicketTypes.Add(new Tickets.VoucherTicketType { TicketTypeId = typeId });
                db.Vouchers.Add(voucher);
            }
            try
            {
                await db.SaveChangesAsync(ct); // fails if the status changed since it was loaded
                if (voucher is not null)
                {
                    s.TicketVoucherId = voucher.Id;
                    await db.SaveChangesAsync(ct);
                }
                await tx.CommitAsync(ct);
                return null;
            }
            catch (DbUpdateConcurrencyException)
            {
                await tx.RollbackAsync(CancellationToken.None);
                // The webhook, an organizer or the expiry sweep changed it meanwhile (the status is a concurrency token): look again.
            }
        }
        throw new InvalidOperationException($"Sponsorship {id} kept changing while being marked paid.");
    }

    /// <summary>Applications not decided, and approvals not paid, by their deadline give their slot back.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct = default)
    {
        var now = Now;
        var due = await db.Sponsorships.Where(s => (s.Status == SponsorshipStatus.Applied || s.Status == SponsorshipStatus.Approved) && s.HoldExpiresAt <= now)
            .Select(s => s.Id).ToListAsync(ct);
        var expired = 0;
        foreach (var id in due)
        {
            var s = await LoadAsync(id, ct);
            if (s is null || s.Status is not (SponsorshipStatus.Applied or SponsorshipStatus.Approved) || s.HoldExpiresAt > now) continue;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            s.Expire(now);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { await tx.RollbackAsync(CancellationToken.None); continue; }
            await ReleaseSlotAsync(s.TierId, ct);
            await tx.CommitAsync(ct);
            expired++;
        }
        return expired;
    }

    private Task ReleaseSlotAsync(int tierId, CancellationToken ct) =>
        db.SponsorTiers.Where(t => t.Id == tierId).ExecuteUpdateAsync(u => u.SetProperty(t => t.Taken, t => t.Taken - 1), ct);

    private async Task<Sponsorship?> LoadAsync(int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Sponsorships.Include(s => s.Tier).FirstOrDefaultAsync(s => s.Id == id, ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiEngineer.Core.Tickets;

internal sealed class TicketTypeConfiguration : IEntityTypeConfiguration<TicketType>
{
    public void Configure(EntityTypeBuilder<TicketType> b)
    {
        b.Property(t => t.Name).HasMaxLength(TicketType.NameMaxLength).IsRequired();
        b.Property(t => t.Description).HasMaxLength(TicketType.DescriptionMaxLength);
        b.Property(t => t.Currency).HasMaxLength(3);
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        b.ToTable(t => t.HasCheckConstraint("CK_TicketTypes_Taken", "\"Taken\" >= 0 AND \"Reserved\" >= 0 AND \"Taken\" + \"Reserved\" <= \"Capacity\""));
    }
}

internal sealed class VoucherConfiguration : IEntityTypeConfiguration<Voucher>
{
    public void Configure(EntityTypeBuilder<Voucher> b)
    {
        b.Property(v => v.Code).HasMaxLength(Voucher.CodeMaxLength).IsRequired();
        b.HasIndex(v => v.Code).IsUnique();
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Note).HasMaxLength(500);
        b.HasMany(v => v.TicketTypes).WithOne().HasForeignKey(x => x.VoucherId);
        b.ToTable(t => t.HasCheckConstraint("CK_Vouchers_Uses", "\"Uses\" >= 0 AND \"Uses\" <= \"MaxUses\""));
    }
}

internal sealed class VoucherTicketTypeConfiguration : IEntityTypeConfiguration<VoucherTicketType>
{
    public void Configure(EntityTypeBuilder<VoucherTicketType> b)
    {
        b.HasKey(x => new { x.VoucherId, x.TicketTypeId });
        b.HasOne<TicketType>().WithMany().HasForeignKey(x => x.TicketTypeId);
    }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.Property(o => o.Code).HasMaxLength(16).IsRequired();
        b.HasIndex(o => o.Code).IsUnique();
        b.Property(o => o.AccessToken).HasMaxLength(64).IsRequired();
        b.HasIndex(o => o.IdempotencyKey).IsUnique();
        // A payment and an expiry racing for one order: whichever saves second sees a concurrency failure.
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(o => o.PaymentMethod).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.BuyerName).HasMaxLength(Order.NameMaxLength).IsRequired();
        b.Property(o => o.BuyerEmail).HasMaxLength(Order.EmailMaxLength).IsRequired();
        b.Property(o => o.Language).HasMaxLength(16);
        b.Property(o => o.BuyerCompany).HasMaxLength(Order.CompanyMaxLength);
        b.Property(o => o.InvoiceAddress).HasMaxLength(Order.AddressMaxLength);
        b.Property(o => o.VatId).HasMaxLength(Order.VatIdMaxLength);
        b.Property(o => o.Currency).HasMaxLength(3);
        b.Property(o => o.UserId).HasMaxLength(450);
        b.Property(o => o.PaymentReference).HasMaxLength(255);
        b.HasIndex(o => new { o.Status, o.HoldExpiresAt });
        b.HasIndex(o => o.BuyerEmail);
        b.HasIndex(o => o.UserId);
        b.HasOne<Voucher>().WithMany().HasForeignKey(o => o.VoucherId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Tickets).WithOne(t => t.Order).HasForeignKey(t => t.OrderId);
        b.HasMany(o => o.Events).WithOne().HasForeignKey(e => e.OrderId);
    }
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.Property(t => t.Code).HasMaxLength(32).IsRequired();
        b.HasIndex(t => t.Code).IsUnique();
        b.Property(t => t.AttendeeName).HasMaxLength(Ticket.NameMaxLength).IsRequired();
        b.Property(t => t.AttendeeEmail).HasMaxLength(Ticket.EmailMaxLength).IsRequired();
        b.Property(t => t.Company).HasMaxLength(Ticket.FieldMaxLength);
        b.Property(t => t.JobTitle).HasMaxLength(Ticket.FieldMaxLength);
        b.Property(t => t.Dietary).HasMaxLength(Ticket.NeedsMaxLength);
        b.Property(t => t.Accessibility).HasMaxLength(Ticket.NeedsMaxLength);
        b.Property(t => t.ShirtSize).HasMaxLength(8);
        b.Property(t => t.CheckedInBy).HasMaxLength(256);
        b.HasIndex(t => t.AttendeeEmail);
        b.HasOne(t => t.TicketType).WithMany().HasForeignKey(t => t.TicketTypeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrderEventConfiguration : IEntityTypeConfiguration<OrderEvent>
{
    public void Configure(EntityTypeBuilder<OrderEvent> b)
    {
        b.Property(e => e.Kind).HasMaxLength(40).IsRequired();
        b.Property(e => e.Message).HasMaxLength(1000).IsRequired();
        b.Property(e => e.Actor).HasMaxLength(256);
    }
}

internal sealed class VoidedTicketCodeConfiguration : IEntityTypeConfiguration<VoidedTicketCode>
{
    public void Configure(EntityTypeBuilder<VoidedTicketCode> b)
    {
        b.Property(v => v.Code).HasMaxLength(32).IsRequired();
        b.HasIndex(v => v.Code).IsUnique();
        b.Property(v => v.Reason).HasMaxLength(200);
    }
}

internal sealed class PaymentAttemptConfiguration : IEntityTypeConfiguration<PaymentAttempt>
{
    public void Configure(EntityTypeBuilder<PaymentAttempt> b)
    {
        b.HasIndex(p => p.IdempotencyKey).IsUnique();
        b.HasIndex(p => p.OrderId);
        b.HasIndex(p => p.SessionId);
        b.Property(p => p.SessionId).HasMaxLength(255);
        b.Property(p => p.CheckoutUrl).HasMaxLength(2000);
        b.Property(p => p.LastError).HasMaxLength(1000);
        b.HasOne<Order>().WithMany().HasForeignKey(p => p.OrderId);
    }
}

internal sealed class ProcessedWebhookEventConfiguration : IEntityTypeConfiguration<ProcessedWebhookEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedWebhookEvent> b)
    {
        b.Property(e => e.EventId).HasMaxLength(255).IsRequired();
        b.HasIndex(e => e.EventId).IsUnique();
        b.Property(e => e.Type).HasMaxLength(100).IsRequired();
    }
}

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> b)
    {
        b.Property(w => w.Name).HasMaxLength(WaitlistEntry.NameMaxLength).IsRequired();
        b.Property(w => w.Email).HasMaxLength(WaitlistEntry.EmailMaxLength).IsRequired();
        b.HasIndex(w => new { w.TicketTypeId, w.Email }).IsUnique();
        b.HasIndex(w => new { w.TicketTypeId, w.OfferedAt, w.Id });
        b.HasOne<TicketType>().WithMany().HasForeignKey(w => w.TicketTypeId);
        b.HasOne<Voucher>().WithMany().HasForeignKey(w => w.VoucherId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class WaitingRoomConfiguration : IEntityTypeConfiguration<WaitingRoom>
{
    public void Configure(EntityTypeBuilder<WaitingRoom> b)
    {
        // One row, id 1. Of two instances admitting at once, one wins: WaitingRoomGate.AdmitAsync updates the admission
        // clock only where it still holds the value it read.
        b.Property(r => r.Id).ValueGeneratedNever();
    }
}

internal sealed class QueueEntryConfiguration : IEntityTypeConfiguration<QueueEntry>
{
    public void Configure(EntityTypeBuilder<QueueEntry> b)
    {
        b.Property(e => e.SecretHash).HasMaxLength(32).IsRequired();
        // The next in line: waiting places in arrival order.
        b.HasIndex(e => new { e.AdmittedAt, e.Id });
    }
}

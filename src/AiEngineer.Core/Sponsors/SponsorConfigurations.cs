using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiEngineer.Core.Sponsors;

internal sealed class SponsorTierConfiguration : IEntityTypeConfiguration<SponsorTier>
{
    public void Configure(EntityTypeBuilder<SponsorTier> b)
    {
        b.Property(t => t.Name).HasMaxLength(SponsorTier.NameMaxLength).IsRequired();
        b.HasIndex(t => t.Name).IsUnique();
        b.Property(t => t.Benefits).HasMaxLength(SponsorTier.BenefitsMaxLength);
        b.Property(t => t.Currency).HasMaxLength(3);
        b.HasOne<Tickets.TicketType>().WithMany().HasForeignKey(t => t.IncludedTicketTypeId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_SponsorTiers_Taken", "\"Taken\" >= 0 AND \"Taken\" <= \"Slots\""));
    }
}

internal sealed class SponsorshipConfiguration : IEntityTypeConfiguration<Sponsorship>
{
    public void Configure(EntityTypeBuilder<Sponsorship> b)
    {
        b.Property(s => s.Slug).HasMaxLength(Sponsorship.CompanyMaxLength).IsRequired();
        b.HasIndex(s => s.Slug).IsUnique();
        b.HasIndex(s => s.IdempotencyKey).IsUnique();
        b.HasIndex(s => s.ContactUserId);
        b.HasIndex(s => new { s.Status, s.HoldExpiresAt });
        b.Property(s => s.ContactUserId).HasMaxLength(450).IsRequired();
        b.Property(s => s.CompanyName).HasMaxLength(Sponsorship.CompanyMaxLength).IsRequired();
        b.Property(s => s.Website).HasMaxLength(Sponsorship.UrlMaxLength).IsRequired();
        b.Property(s => s.ContactName).HasMaxLength(Sponsorship.NameMaxLength).IsRequired();
        b.Property(s => s.ContactEmail).HasMaxLength(Sponsorship.EmailMaxLength).IsRequired();
        b.Property(s => s.ContactPhone).HasMaxLength(Sponsorship.PhoneMaxLength).IsRequired();
        b.Property(s => s.BillingAddress).HasMaxLength(Sponsorship.AddressMaxLength).IsRequired();
        b.Property(s => s.VatId).HasMaxLength(Sponsorship.VatIdMaxLength);
        b.Property(s => s.Description).HasMaxLength(Sponsorship.DescriptionMaxLength);
        b.Property(s => s.DecisionMessage).HasMaxLength(Sponsorship.MessageMaxLength);
        b.Property(s => s.OrganizerNotes).HasMaxLength(Sponsorship.MessageMaxLength);
        b.Property(s => s.PaymentMethod).HasMaxLength(20);
        b.Property(s => s.PaymentReference).HasMaxLength(255);
        // A payment and an expiry racing for one sponsorship: the second save fails instead of both winning.
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.HasOne(s => s.Tier).WithMany().HasForeignKey(s => s.TierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Logo).WithMany().HasForeignKey(s => s.LogoId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SponsorLogo>().WithMany().HasForeignKey(s => s.PendingLogoId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Events).WithOne().HasForeignKey(e => e.SponsorshipId);
        b.HasOne<Tickets.Voucher>().WithMany().HasForeignKey(s => s.TicketVoucherId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SponsorLogoConfiguration : IEntityTypeConfiguration<SponsorLogo>
{
    public void Configure(EntityTypeBuilder<SponsorLogo> b) => b.Property(l => l.ContentType).HasMaxLength(40).IsRequired();
}

internal sealed class SponsorshipEventConfiguration : IEntityTypeConfiguration<SponsorshipEvent>
{
    public void Configure(EntityTypeBuilder<SponsorshipEvent> b)
    {
        b.Property(e => e.Message).HasMaxLength(1000).IsRequired();
        b.Property(e => e.Actor).HasMaxLength(256);
    }
}

internal sealed class SponsorshipPaymentAttemptConfiguration : IEntityTypeConfiguration<SponsorshipPaymentAttempt>
{
    public void Configure(EntityTypeBuilder<SponsorshipPaymentAttempt> b)
    {
        b.HasIndex(p => p.IdempotencyKey).IsUnique();
        b.HasIndex(p => p.SponsorshipId);
        b.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        b.Property(p => p.SessionId).HasMaxLength(255);
        b.Property(p => p.CheckoutUrl).HasMaxLength(2000);
        b.Property(p => p.LastError).HasMaxLength(1000);
        b.HasOne<Sponsorship>().WithMany().HasForeignKey(p => p.SponsorshipId);
    }
}

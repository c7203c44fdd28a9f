using AiEngineer.Core.Accounts;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiEngineer.Core.Data;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
        b.Property(u => u.Language).HasMaxLength(AppUser.LanguageMaxLength);
    }
}

internal sealed class ConferenceEventConfiguration : IEntityTypeConfiguration<ConferenceEvent>
{
    public void Configure(EntityTypeBuilder<ConferenceEvent> b)
    {
        b.ToTable("Conferences");
        b.Property(c => c.Name).HasMaxLength(ConferenceEvent.NameMaxLength).IsRequired();
        b.Property(c => c.Tagline).HasMaxLength(ConferenceEvent.TaglineMaxLength);
        b.Property(c => c.VenueName).HasMaxLength(ConferenceEvent.PlaceMaxLength);
        b.Property(c => c.VenueAddress).HasMaxLength(ConferenceEvent.PlaceMaxLength);
        b.Property(c => c.City).HasMaxLength(ConferenceEvent.PlaceMaxLength);
        b.Property(c => c.TimeZoneId).HasMaxLength(64);
        b.Property(c => c.StreamUrl).HasMaxLength(ConferenceEvent.UrlMaxLength);
        b.Property(c => c.StreamDetails).HasMaxLength(ConferenceEvent.StreamDetailsMaxLength);
        b.Ignore(c => c.Formats);
        b.Property(c => c.RefundPolicy).HasMaxLength(ConferenceEvent.PolicyMaxLength);
        b.Property(c => c.CodeOfConduct).HasMaxLength(ConferenceEvent.PageMaxLength);
        b.Property(c => c.PrivacyPolicy).HasMaxLength(ConferenceEvent.PageMaxLength);
        b.HasMany(c => c.Tracks).WithOne().HasForeignKey(t => t.ConferenceEventId);
        b.HasMany(c => c.Rooms).WithOne().HasForeignKey(r => r.ConferenceEventId);
    }
}

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> b)
    {
        b.Property(t => t.Name).HasMaxLength(Track.NameMaxLength).IsRequired();
        b.Property(t => t.Slug).HasMaxLength(Track.NameMaxLength).IsRequired();
        b.Property(t => t.Description).HasMaxLength(Track.DescriptionMaxLength);
        b.HasIndex(t => new { t.ConferenceEventId, t.Slug }).IsUnique();
    }
}

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> b)
    {
        b.Property(r => r.Name).HasMaxLength(Room.NameMaxLength).IsRequired();
        b.Property(r => r.StreamUrl).HasMaxLength(ConferenceEvent.UrlMaxLength);
    }
}

internal sealed class OutboundEmailConfiguration : IEntityTypeConfiguration<OutboundEmail>
{
    public void Configure(EntityTypeBuilder<OutboundEmail> b)
    {
        b.Property(e => e.ToAddress).HasMaxLength(OutboundEmail.AddressMaxLength).IsRequired();
        b.Property(e => e.ToName).HasMaxLength(OutboundEmail.NameMaxLength);
        b.Property(e => e.Subject).HasMaxLength(OutboundEmail.SubjectMaxLength).IsRequired();
        b.Property(e => e.Kind).HasMaxLength(OutboundEmail.KindMaxLength).IsRequired();
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.LastError).HasMaxLength(OutboundEmail.ErrorMaxLength);
        // A worker only finishes a message whose lease it still holds.
        b.Property(e => e.LeaseOwner).HasMaxLength(OutboundEmail.LeaseOwnerMaxLength).IsConcurrencyToken();
        b.HasIndex(e => e.MessageId).IsUnique();
        // The worker's claim query: due rows by status and time.
        b.HasIndex(e => new { e.Status, e.NextAttemptAt });
        b.HasIndex(e => e.ToAddress);
        b.HasOne(e => e.Broadcast).WithMany().HasForeignKey(e => e.BroadcastId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EmailTemplateConfiguration : IEntityTypeConfiguration<EmailTemplate>
{
    public void Configure(EntityTypeBuilder<EmailTemplate> b)
    {
        b.Property(t => t.Kind).HasMaxLength(OutboundEmail.KindMaxLength).IsRequired();
        b.Property(t => t.Subject).HasMaxLength(EmailTemplate.SubjectMaxLength).IsRequired();
        b.Property(t => t.Body).HasMaxLength(EmailTemplate.BodyMaxLength).IsRequired();
        b.Property(t => t.UpdatedByUserId).HasMaxLength(450);
        b.Property(t => t.Language).HasMaxLength(EmailTemplate.LanguageMaxLength).IsRequired().HasDefaultValue("en");
        b.HasIndex(t => new { t.Kind, t.Language }).IsUnique();
    }
}

internal sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> b)
    {
        b.Property(x => x.Subject).HasMaxLength(Broadcast.SubjectMaxLength).IsRequired();
        b.Property(x => x.Body).HasMaxLength(Broadcast.BodyMaxLength).IsRequired();
        b.Property(x => x.Segment).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.CreatedByUserId).HasMaxLength(450).IsRequired();
        b.HasIndex(x => x.Key).IsUnique();
    }
}

internal sealed class RoleSeedConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.Identity.IdentityRole>
{
    // Fixed ids and stamps so every database, in every environment, has the staff roles after migrating.
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.Identity.IdentityRole> b)
    {
        b.HasData(Roles.All.Select(name => new Microsoft.AspNetCore.Identity.IdentityRole(name)
        {
            Id = "role-" + name.ToLowerInvariant(),
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = "seed-" + name.ToLowerInvariant(),
        }));
    }
}

using AiEngineer.Core.Accounts;
using AiEngineer.Core.Conference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiEngineer.Core.Cfp;

internal sealed class CallForPapersConfiguration : IEntityTypeConfiguration<CallForPapers>
{
    public void Configure(EntityTypeBuilder<CallForPapers> b)
    {
        b.ToTable("CallsForPapers");
        b.HasOne<ConferenceEvent>().WithMany().HasForeignKey(c => c.ConferenceEventId);
        b.HasIndex(c => c.ConferenceEventId).IsUnique();
        b.Property(c => c.Guidance).HasMaxLength(CallForPapers.GuidanceMaxLength);
        b.HasMany(c => c.Formats).WithOne().HasForeignKey(f => f.CallForPapersId);
        b.HasMany(c => c.AccessCodes).WithOne().HasForeignKey(a => a.CallForPapersId);
    }
}

internal sealed class SessionFormatConfiguration : IEntityTypeConfiguration<SessionFormat>
{
    public void Configure(EntityTypeBuilder<SessionFormat> b)
    {
        b.Property(f => f.Name).HasMaxLength(SessionFormat.NameMaxLength).IsRequired();
    }
}

internal sealed class AccessCodeConfiguration : IEntityTypeConfiguration<AccessCode>
{
    public void Configure(EntityTypeBuilder<AccessCode> b)
    {
        b.Property(a => a.Code).HasMaxLength(AccessCode.CodeMaxLength).IsRequired();
        b.Property(a => a.Email).HasMaxLength(AccessCode.EmailMaxLength).IsRequired();
        b.Property(a => a.Note).HasMaxLength(AccessCode.NoteMaxLength);
        b.HasIndex(a => new { a.CallForPapersId, a.Code }).IsUnique();
        b.HasOne<SessionFormat>().WithMany().HasForeignKey(a => a.SessionFormatId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SpeakerProfileConfiguration : IEntityTypeConfiguration<SpeakerProfile>
{
    public void Configure(EntityTypeBuilder<SpeakerProfile> b)
    {
        b.HasOne<AppUser>().WithOne().HasForeignKey<SpeakerProfile>(p => p.UserId);
        b.HasIndex(p => p.UserId).IsUnique();
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.DisplayName).HasMaxLength(SpeakerProfile.DisplayNameMaxLength).IsRequired();
        b.Property(p => p.Headline).HasMaxLength(SpeakerProfile.ShortMaxLength);
        b.Property(p => p.Company).HasMaxLength(SpeakerProfile.ShortMaxLength);
        b.Property(p => p.City).HasMaxLength(SpeakerProfile.ShortMaxLength);
        b.Property(p => p.Pronouns).HasMaxLength(SpeakerProfile.PronounsMaxLength);
        b.Property(p => p.Bio).HasMaxLength(SpeakerProfile.BioMaxLength);
        b.Property(p => p.Website).HasMaxLength(SpeakerProfile.UrlMaxLength);
        b.Property(p => p.GitHub).HasMaxLength(SpeakerProfile.UrlMaxLength);
        b.Property(p => p.Social).HasMaxLength(SpeakerProfile.UrlMaxLength);
        b.Property(p => p.LinkedIn).HasMaxLength(SpeakerProfile.UrlMaxLength);
        b.HasOne(p => p.Photo).WithMany().HasForeignKey(p => p.PhotoId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SpeakerPhotoConfiguration : IEntityTypeConfiguration<SpeakerPhoto>
{
    public void Configure(EntityTypeBuilder<SpeakerPhoto> b)
    {
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.ContentType).HasMaxLength(SpeakerPhoto.ContentTypeMaxLength).IsRequired();
        b.Property(p => p.Content).IsRequired();
    }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.HasOne<ConferenceEvent>().WithMany().HasForeignKey(p => p.ConferenceEventId);
        b.HasIndex(p => p.IdempotencyKey).IsUnique();
        b.Property(p => p.Title).HasMaxLength(Proposal.TitleMaxLength).IsRequired();
        b.Property(p => p.Language).HasMaxLength(Proposal.LanguageMaxLength).IsRequired().HasDefaultValue("en");
        b.Property(p => p.Abstract).HasMaxLength(Proposal.AbstractMaxLength);
        b.Property(p => p.Description).HasMaxLength(Proposal.DescriptionMaxLength);
        b.Property(p => p.Notes).HasMaxLength(Proposal.NotesMaxLength);
        b.Property(p => p.SlidesUrl).HasMaxLength(Proposal.UrlMaxLength);
        b.Property(p => p.VideoUrl).HasMaxLength(Proposal.UrlMaxLength);
        b.Property(p => p.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(p => p.State);
        b.HasOne(p => p.Format).WithMany().HasForeignKey(p => p.SessionFormatId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Track).WithMany().HasForeignKey(p => p.TrackId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Speakers).WithOne().HasForeignKey(s => s.ProposalId);
        b.HasMany(p => p.StateChanges).WithOne().HasForeignKey(s => s.ProposalId);
        b.HasMany(p => p.Invitations).WithOne().HasForeignKey(i => i.ProposalId);
    }
}

internal sealed class ProposalSpeakerConfiguration : IEntityTypeConfiguration<ProposalSpeaker>
{
    public void Configure(EntityTypeBuilder<ProposalSpeaker> b)
    {
        b.HasKey(s => new { s.ProposalId, s.UserId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId);
        b.HasIndex(s => s.UserId);
    }
}

internal sealed class ProposalStateChangeConfiguration : IEntityTypeConfiguration<ProposalStateChange>
{
    public void Configure(EntityTypeBuilder<ProposalStateChange> b)
    {
        b.Property(s => s.From).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.To).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.ByUserId).HasMaxLength(450).IsRequired();
        b.Property(s => s.Note).HasMaxLength(ProposalStateChange.NoteMaxLength).IsRequired();
    }
}

internal sealed class CoSpeakerInvitationConfiguration : IEntityTypeConfiguration<CoSpeakerInvitation>
{
    public void Configure(EntityTypeBuilder<CoSpeakerInvitation> b)
    {
        b.Property(i => i.Email).HasMaxLength(CoSpeakerInvitation.EmailMaxLength).IsRequired();
        b.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.Property(i => i.InvitedByUserId).HasMaxLength(450).IsRequired();
        b.Property(i => i.AcceptedByUserId).HasMaxLength(450);
    }
}

using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiEngineer.Core.Agenda;

internal sealed class SessionStarConfiguration : IEntityTypeConfiguration<SessionStar>
{
    public void Configure(EntityTypeBuilder<SessionStar> b)
    {
        // One star per account and session: starring twice finds the row that is there.
        b.HasKey(s => new { s.UserId, s.ProposalId });
        b.Property(s => s.UserId).HasMaxLength(128);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        // Who starred a session: the moved-session emails and the editor's star counts read by session.
        b.HasIndex(s => s.ProposalId);
        b.Property(s => s.StarredRoom).HasMaxLength(Conference.Room.NameMaxLength).IsRequired();
    }
}

internal sealed class AgendaFeedConfiguration : IEntityTypeConfiguration<AgendaFeed>
{
    public void Configure(EntityTypeBuilder<AgendaFeed> b)
    {
        b.HasKey(f => f.UserId);
        b.Property(f => f.UserId).HasMaxLength(128);
        b.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.TokenHash).HasMaxLength(AgendaFeed.HashLength).IsRequired();
        b.HasIndex(f => f.TokenHash).IsUnique();
    }
}

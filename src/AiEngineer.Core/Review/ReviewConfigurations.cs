using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiEngineer.Core.Review;

internal sealed class ReviewSettingsConfiguration : IEntityTypeConfiguration<ReviewSettings>
{
    public void Configure(EntityTypeBuilder<ReviewSettings> b)
    {
        b.HasOne<ConferenceEvent>().WithMany().HasForeignKey(s => s.ConferenceEventId);
        b.HasIndex(s => s.ConferenceEventId).IsUnique();
        b.HasMany(s => s.Criteria).WithOne().HasForeignKey(c => c.ReviewSettingsId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewCriterionConfiguration : IEntityTypeConfiguration<ReviewCriterion>
{
    public void Configure(EntityTypeBuilder<ReviewCriterion> b) =>
        b.Property(c => c.Name).HasMaxLength(ReviewCriterion.NameMaxLength).IsRequired();
}

internal sealed class ReviewerProfileConfiguration : IEntityTypeConfiguration<ReviewerProfile>
{
    public void Configure(EntityTypeBuilder<ReviewerProfile> b)
    {
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId);
        b.HasIndex(r => r.UserId).IsUnique();
        b.Property(r => r.Company).HasMaxLength(ReviewerProfile.CompanyMaxLength).IsRequired();
    }
}

internal sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> b)
    {
        b.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.ReviewerUserId);
        b.HasIndex(a => new { a.ProposalId, a.ReviewerUserId }).IsUnique();
        b.HasIndex(a => a.ReviewerUserId);
        b.Property(a => a.AssignedByUserId).HasMaxLength(450).IsRequired();
    }
}

internal sealed class ProposalReviewConfiguration : IEntityTypeConfiguration<ProposalReview>
{
    public void Configure(EntityTypeBuilder<ProposalReview> b)
    {
        b.HasOne<Proposal>().WithMany().HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReviewerUserId);
        b.HasIndex(r => new { r.ProposalId, r.ReviewerUserId }).IsUnique();
        b.Property(r => r.Comment).HasMaxLength(ProposalReview.CommentMaxLength).IsRequired();
        b.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.ProposalReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewScoreConfiguration : IEntityTypeConfiguration<ReviewScore>
{
    public void Configure(EntityTypeBuilder<ReviewScore> b)
    {
        b.HasOne<ReviewCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.ProposalReviewId, s.CriterionId }).IsUnique();
    }
}

internal sealed class DecisionNotificationConfiguration : IEntityTypeConfiguration<DecisionNotification>
{
    public void Configure(EntityTypeBuilder<DecisionNotification> b)
    {
        b.HasOne<Proposal>().WithMany().HasForeignKey(n => n.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.ToUserId).HasMaxLength(450).IsRequired();
        b.Property(n => n.ToEmail).HasMaxLength(320).IsRequired();
        b.Property(n => n.Subject).HasMaxLength(DecisionNotification.SubjectMaxLength).IsRequired();
        b.Property(n => n.Body).HasMaxLength(DecisionNotification.BodyMaxLength).IsRequired();
        b.Property(n => n.SentByUserId).HasMaxLength(450);
        b.HasIndex(n => n.SentAt);
    }
}

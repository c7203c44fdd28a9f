using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiEngineer.Core.Schedule;

internal sealed class TimeSlotConfiguration : IEntityTypeConfiguration<TimeSlot>
{
    public void Configure(EntityTypeBuilder<TimeSlot> b)
    {
        b.HasOne<ConferenceEvent>().WithMany().HasForeignKey(s => s.ConferenceEventId);
        b.HasIndex(s => new { s.ConferenceEventId, s.StartsAt, s.EndsAt }).IsUnique();
        b.Ignore(s => s.Minutes);
    }
}

internal sealed class ScheduleItemConfiguration : IEntityTypeConfiguration<ScheduleItem>
{
    public void Configure(EntityTypeBuilder<ScheduleItem> b)
    {
        b.HasOne<ConferenceEvent>().WithMany().HasForeignKey(i => i.ConferenceEventId);
        b.HasOne(i => i.Slot).WithMany().HasForeignKey(i => i.TimeSlotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Room>().WithMany().HasForeignKey(i => i.RoomId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Proposal>().WithMany().HasForeignKey(i => i.ProposalId).OnDelete(DeleteBehavior.Restrict);
        // A session is placed once.
        b.HasIndex(i => i.ProposalId).IsUnique();
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Title).HasMaxLength(ScheduleItem.TitleMaxLength).IsRequired();
        b.Ignore(i => i.IsSession);
    }
}

internal sealed class SpeakerAvailabilityConfiguration : IEntityTypeConfiguration<SpeakerAvailability>
{
    public void Configure(EntityTypeBuilder<SpeakerAvailability> b)
    {
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.UserId);
    }
}

internal sealed class ScheduleVersionConfiguration : IEntityTypeConfiguration<ScheduleVersion>
{
    public void Configure(EntityTypeBuilder<ScheduleVersion> b)
    {
        b.HasOne<ConferenceEvent>().WithMany().HasForeignKey(v => v.ConferenceEventId);
        // Two organizers publishing at once cannot both make version N.
        b.HasIndex(v => new { v.ConferenceEventId, v.Number }).IsUnique();
        b.Property(v => v.PublishedByUserId).HasMaxLength(128).IsRequired();
        b.Property(v => v.Note).HasMaxLength(ScheduleVersion.NoteMaxLength).IsRequired();
        b.Property(v => v.Changelog).IsRequired();
        b.Property(v => v.Snapshot).IsRequired();
    }
}

using AiEngineer.Core.Content;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Email;
using AiEngineer.Core.Review;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Core.Data;

/// <summary>The one DbContext. Provider-neutral: each provider has its own migrations assembly.</summary>
public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<ConferenceEvent> Conferences => Set<ConferenceEvent>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<CallForPapers> CallsForPapers => Set<CallForPapers>();
    public DbSet<SessionFormat> SessionFormats => Set<SessionFormat>();
    public DbSet<AccessCode> AccessCodes => Set<AccessCode>();
    public DbSet<SpeakerProfile> SpeakerProfiles => Set<SpeakerProfile>();
    public DbSet<SpeakerPhoto> SpeakerPhotos => Set<SpeakerPhoto>();
    public DbSet<Qa.Question> Questions => Set<Qa.Question>();
    public DbSet<Qa.QuestionVote> QuestionVotes => Set<Qa.QuestionVote>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalSpeaker> ProposalSpeakers => Set<ProposalSpeaker>();
    public DbSet<ProposalStateChange> ProposalStateChanges => Set<ProposalStateChange>();
    public DbSet<CoSpeakerInvitation> CoSpeakerInvitations => Set<CoSpeakerInvitation>();
    public DbSet<ReviewSettings> ReviewSettings => Set<ReviewSettings>();
    public DbSet<ReviewCriterion> ReviewCriteria => Set<ReviewCriterion>();
    public DbSet<ReviewerProfile> ReviewerProfiles => Set<ReviewerProfile>();
    public DbSet<ReviewAssignment> ReviewAssignments => Set<ReviewAssignment>();
    public DbSet<ProposalReview> ProposalReviews => Set<ProposalReview>();
    public DbSet<ReviewScore> ReviewScores => Set<ReviewScore>();
    public DbSet<DecisionNotification> DecisionNotifications => Set<DecisionNotification>();
    public DbSet<OutboundEmail> OutboundEmails => Set<OutboundEmail>();
    public DbSet<EmailTemplate> EmailTemplates => Set<EmailTemplate>();
    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();
    public DbSet<TicketType> TicketTypes => Set<TicketType>();
    public DbSet<Voucher> Vouchers => Set<Voucher>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<OrderEvent> OrderEvents => Set<OrderEvent>();
    public DbSet<VoidedTicketCode> VoidedTicketCodes => Set<VoidedTicketCode>();
    public DbSet<PaymentAttempt> PaymentAttempts => Set<PaymentAttempt>();
    public DbSet<ProcessedWebhookEvent> ProcessedWebhookEvents => Set<ProcessedWebhookEvent>();
    public DbSet<WaitlistEntry> WaitlistEntries => Set<WaitlistEntry>();
    public DbSet<WaitingRoom> WaitingRooms => Set<WaitingRoom>();
    public DbSet<QueueEntry> QueueEntries => Set<QueueEntry>();
    public DbSet<Accounts.SignInFailure> SignInFailures => Set<Accounts.SignInFailure>();
    public DbSet<Sponsors.SponsorTier> SponsorTiers => Set<Sponsors.SponsorTier>();
    public DbSet<Sponsors.Sponsorship> Sponsorships => Set<Sponsors.Sponsorship>();
    public DbSet<Sponsors.SponsorshipPaymentAttempt> SponsorshipPaymentAttempts => Set<Sponsors.SponsorshipPaymentAttempt>();
    public DbSet<Sponsors.SponsorLogo> SponsorLogos => Set<Sponsors.SponsorLogo>();
    public DbSet<Schedule.TimeSlot> TimeSlots => Set<Schedule.TimeSlot>();
    public DbSet<Schedule.ScheduleItem> ScheduleItems => Set<Schedule.ScheduleItem>();
    public DbSet<Schedule.SpeakerAvailability> SpeakerAvailabilities => Set<Schedule.SpeakerAvailability>();
    public DbSet<Schedule.ScheduleVersion> ScheduleVersions => Set<Schedule.ScheduleVersion>();
    public DbSet<Agenda.SessionStar> SessionStars => Set<Agenda.SessionStar>();
    public DbSet<Agenda.AgendaFeed> AgendaFeeds => Set<Agenda.AgendaFeed>();
    public DbSet<Feedback.SessionFeedback> SessionFeedback => Set<Feedback.SessionFeedback>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // AddDefaultIdentity sets Stores.MaxLengthForKeys = 128 at run time; pin it here so the design-time
        // model (migrations) and the run-time model agree on every provider.
        builder.Entity<IdentityUserLogin<string>>(b =>
        {
            b.Property(l => l.LoginProvider).HasMaxLength(128);
            b.Property(l => l.ProviderKey).HasMaxLength(128);
        });
        builder.Entity<IdentityUserToken<string>>(b =>
        {
            b.Property(t => t.LoginProvider).HasMaxLength(128);
            b.Property(t => t.Name).HasMaxLength(128);
        });
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.MapTranslations();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime in the model is a UTC instant; reading one back marks it as such.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

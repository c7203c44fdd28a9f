using System.Text;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Data;
using AiEngineer.Core.Schedule;
using AiEngineer.Core.Sponsors;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Database;

/// <summary>
/// `AiEngineer.Web seed-bench`: the benchmark data set (bench/run.sh) on an empty database: the summit, an open call,
/// 64 confirmed sessions by 80 speakers placed and published through <see cref="Pages.Admin.Schedule.ScheduleDraft"/>,
/// 20 live sponsors with logos, the demo ticket catalog, five rush types (free, 1,000 seats each), a warm-up type, open-loop step
/// types for the app and the bare checkout, and the waiting room's fairness type. Accounts get no password:
/// nobody signs in as them. Refuses a database that already holds a conference, so it never mixes with real data.
/// </summary>
public static class SeedBenchCommand
{
    public const string Name = "seed-bench";
    /// <summary>Rush types seeded ("Bench rush 1" to "Bench rush 5"), each for one measured rush.</summary>
    public const int RushTypes = 5;
    public static string RushTicketName(int n) => $"Bench rush {n}";
    public const int RushCapacity = 1_000;
    public const string WarmupTicketName = "Bench warm-up";
    /// <summary>
    /// Open-loop steps ("Bench step 1" …, and "Bench floor step 1" … for the bare checkout): fresh seats for each offered
    /// rate, never sold out. Seeded hidden, with the fairness type, so the page runs see the same /tickets as before;
    /// bench/run.sh shows them before the open-loop runs.
    /// </summary>
    public const int StepTypes = 16;
    public static string StepTicketName(int n, bool floor = false) => floor ? $"Bench floor step {n}" : $"Bench step {n}";
    public const int StepCapacity = 100_000;
    /// <summary>The waiting room's fairness run sells exactly this type's seats.</summary>
    public const string FairTicketName = "Bench fair";
    public const int FairCapacity = 1_000;
    public const int SpeakerCount = 80;
    public const int SponsorCount = 20;

    private static readonly int[] SponsorsPerTier = [2, 4, 6, 8]; // Platinum, Gold, Silver, Community: 20 in all

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Conferences.AnyAsync())
        {
            await output.WriteLineAsync("seed-bench wants an empty database (this one already has a conference); nothing was changed.");
            return 1;
        }
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var users = sp.GetRequiredService<UserManager<AppUser>>();

        db.Conferences.Add(DemoSeeder.BuildConference(now));
        db.TicketTypes.AddRange(DemoSeeder.BuildTicketTypes(now));
        // One type per measured rush: the bench repeats the rush on a fresh 1,000 seats and reports the median.
        db.TicketTypes.AddRange(Enumerable.Range(1, RushTypes).Select(n => new TicketType
        {
            Name = RushTicketName(n), Description = "The ticket-rush benchmark's free type.", Kind = TicketKind.Remote,
            PriceMinor = 0, Capacity = RushCapacity, MaxPerOrder = 10, SortOrder = -1,
        }));
        // Sold before the measured rush, so the rush meets a server that has sold tickets before (its code compiled).
        db.TicketTypes.Add(new TicketType
        {
            Name = WarmupTicketName, Description = "The ticket-rush benchmark's warm-up type.", Kind = TicketKind.Remote,
            PriceMinor = 0, Capacity = 1_000_000, MaxPerOrder = 10, SortOrder = -2,
        });
        db.TicketTypes.AddRange(Enumerable.Range(1, StepTypes).SelectMany(n => new[] { false, true }.Select(floor => new TicketType
        {
            Name = StepTicketName(n, floor), Description = "The open-loop benchmark's free type for one offered rate.", Kind = TicketKind.Remote,
            PriceMinor = 0, Capacity = StepCapacity, MaxPerOrder = 10, SortOrder = -3, Hidden = true,
        })));
        db.TicketTypes.Add(new TicketType
        {
            Name = FairTicketName, Description = "The waiting room's fairness run.", Kind = TicketKind.Remote,
            PriceMinor = 0, Capacity = FairCapacity, MaxPerOrder = 1, SortOrder = -4, Hidden = true,
        });
        db.SponsorTiers.AddRange(DemoSeeder.BuildSponsorTiers(null));
        await db.SaveChangesAsync();
        var conference = await db.Conferences.AsNoTracking().Include(c => c.Rooms.OrderBy(r => r.SortOrder)).Include(c => c.Tracks).SingleAsync();
        var cfp = DemoSeeder.BuildCallForPapers(conference.Id, now);
        db.CallsForPapers.Add(cfp);
        await db.SaveChangesAsync();

        var organizer = await CreateAccountAsync(users, "bench-organizer@example.com", "Bench Organizer", now);
        await users.AddToRoleAsync(organizer, Roles.Organizer);

        var speakers = new List<AppUser>();
        for (var i = 0; i < SpeakerCount; i++)
        {
            var name = $"Speaker {i + 1:00}";
            var user = await CreateAccountAsync(users, $"speaker{i + 1:00}@bench.example.com", name, now);
            speakers.Add(user);
            db.SpeakerProfiles.Add(new SpeakerProfile
            {
                UserId = user.Id, DisplayName = name, Company = $"Company {i % 30 + 1}", Headline = "Engineer building AI products",
                City = "San Francisco, CA", Bio = $"{name} builds **evaluation** and **serving** systems for LLM products.", UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync();

        // Two days, four rooms, eight 30-minute slots a day: 64 sessions. The first 16 have a co-speaker, so all 80 speak.
        var rooms = conference.Rooms.OrderBy(r => r.SortOrder).ToList();
        var talk = cfp.Formats.First(f => f.Name == "Talk");
        var tracks = conference.Tracks.OrderBy(t => t.SortOrder).ToList();
        var sessions = rooms.Count * 8 * 2;
        var proposals = new List<Proposal>();
        for (var i = 0; i < sessions; i++)
        {
            var primary = speakers[i % speakers.Count];
            var p = Proposal.StartDraft(conference.Id, primary.Id, Guid.NewGuid(), new ProposalContent(
                $"Bench session {i + 1:00}: shipping LLM features that last", talk.Id, tracks[i % tracks.Count].Id, ProposalLevel.Intermediate,
                "What we built, what broke, and the evals that now catch it before users do.", "Outline for reviewers.", "", false, "", ""), now.AddDays(-3));
            if (sessions + i < speakers.Count)
                p.Speakers.Add(new ProposalSpeaker { UserId = speakers[sessions + i].Id, JoinedAt = now.AddDays(-3) });
            p.Submit(primary.Id, now.AddDays(-2), new SubmissionWindow(now.AddDays(-3), now.AddDays(1), true, true));
            p.Decide(ProposalState.Accepted, organizer.Id, now.AddDays(-1));
            p.Answer(true, primary.Id, now.AddDays(-1), null);
            proposals.Add(p);
        }
        db.Proposals.AddRange(proposals);
        await db.SaveChangesAsync();

        var index = 0;
        foreach (var day in new[] { conference.StartDate, conference.StartDate.AddDays(1) })
            for (var s = 0; s < 8; s++)
            {
                var start = conference.ToUtc(day, new TimeOnly(9, 0).AddMinutes(s * 40));
                var slot = new TimeSlot { ConferenceEventId = conference.Id, StartsAt = start, EndsAt = start.AddMinutes(30) };
                db.TimeSlots.Add(slot);
                foreach (var room in rooms)
                    db.ScheduleItems.Add(new ScheduleItem
                    {
                        ConferenceEventId = conference.Id, Slot = slot, RoomId = room.Id, Kind = ScheduleItemKind.Session,
                        ProposalId = proposals[index++].Id, UpdatedAt = now,
                    });
            }
        await db.SaveChangesAsync();
        var publish = await sp.GetRequiredService<Pages.Admin.Schedule.ScheduleDraft>().PublishAsync(conference, organizer.Id, "Bench program.", now, CancellationToken.None);
        if (publish.Problem is not null)
        {
            await output.WriteLineAsync("Publishing the bench program failed: " + publish.Problem);
            return 1;
        }

        await SeedSponsorsAsync(db, users, now);
        // Publishing queued a message to every bench speaker; nobody reads them, and the outbox would send them while the
        // benchmark times the app's startup.
        await db.OutboundEmails.ExecuteDeleteAsync();
        await output.WriteLineAsync($"Seeded the bench data set: {sessions} sessions, {SpeakerCount} speakers, {SponsorCount} live sponsors, " +
                                    $"{RushTypes} rush types '{RushTicketName(1)}' to '{RushTicketName(RushTypes)}' (free, {RushCapacity} seats each), " +
                                    $"{StepTypes} open-loop step types each for the app and the floor ({StepCapacity} seats), '{FairTicketName}' ({FairCapacity} seats).");
        return 0;
    }

    private static async Task SeedSponsorsAsync(AppDbContext db, UserManager<AppUser> users, DateTime now)
    {
        var tiers = await db.SponsorTiers.OrderBy(t => t.SortOrder).ToListAsync();
        var n = 0;
        for (var t = 0; t < tiers.Count; t++)
            for (var k = 0; k < SponsorsPerTier[t]; k++, n++)
            {
                var company = $"Sponsor {n + 1:00} AI";
                var contact = await CreateAccountAsync(users, $"sponsor{n + 1:00}@bench.example.com", $"Contact {n + 1:00}", now);
                db.Sponsorships.Add(new Sponsorship
                {
                    Slug = $"sponsor-{n + 1:00}-ai", TierId = tiers[t].Id, ContactUserId = contact.Id, CompanyName = company,
                    Website = $"https://sponsor{n + 1:00}.example.com", ContactName = $"Contact {n + 1:00}", ContactEmail = contact.Email!,
                    BillingAddress = "1 Market St, San Francisco, CA", Description = $"{company} makes tools for AI engineers.",
                    Status = SponsorshipStatus.Live, SlotHeld = true, CreatedAt = now.AddDays(-10), HoldExpiresAt = now.AddDays(-3),
                    DecidedAt = now.AddDays(-9), PaidAt = now.AddDays(-5).AddMinutes(n), PaymentMethod = "invoice", PaidMinor = tiers[t].PriceMinor,
                    IdempotencyKey = Guid.NewGuid(),
                    Logo = new SponsorLogo { Content = Logo(company, n), ContentType = "image/svg+xml", UploadedAt = now },
                });
            }
        for (var t = 0; t < tiers.Count; t++) tiers[t].Taken = SponsorsPerTier[t];
        await db.SaveChangesAsync();
    }

    private static byte[] Logo(string company, int n) => Encoding.UTF8.GetBytes(
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 60\"><rect width=\"200\" height=\"60\" rx=\"8\" fill=\"hsl({n * 18 % 360},60%,45%)\"/>" +
        $"<text x=\"100\" y=\"37\" font-size=\"18\" text-anchor=\"middle\" fill=\"#fff\">{company}</text></svg>");

    private static async Task<AppUser> CreateAccountAsync(UserManager<AppUser> users, string email, string name, DateTime now)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = now };
        var result = await users.CreateAsync(user);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }
}

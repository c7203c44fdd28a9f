using System.Globalization;
using System.Text;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Schedule;
using AiEngineer.Core.Sponsors;
using AiEngineer.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Database;

/// <summary>The demo the size of the summit: the program's speakers and sessions over three days, the sponsors, the sales.</summary>
public sealed partial class DemoSeeder
{
    /// <summary>The seven review-seed proposals (Priya's and Diego's) that the program confirms along with the new ones.</summary>
    private static readonly string[] ReviewSeedProgram =
    [
        "Regression evals for LLM features in CI", "Agents that recover from tool errors",
        "Retrieval that survives production", "Memory for long-running agents",
        "Designing for uncertainty: AI UX patterns", "Multi-agent orchestration in practice",
        "Latency budgets for voice agents",
    ];

    /// <summary>A demo address from a person's name: "Tomás Herrera" → tomas.herrera@example.com.</summary>
    public static string EmailFor(string name, string domain = "example.com")
    {
        var plain = new StringBuilder();
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetter(ch)) plain.Append(char.ToLowerInvariant(ch));
            else if (ch == ' ' && plain.Length > 0 && plain[^1] != '.') plain.Append('.');
        }
        return plain.ToString().Trim('.') + "@" + domain;
    }

    /// <summary>
    /// A demo account without <see cref="Microsoft.AspNetCore.Identity.UserManager{TUser}.CreateAsync(TUser, string)"/>:
    /// hashing the demo password takes ~100 ms, so every seeded speaker and sponsor contact shares one hash (the password
    /// is the same), and the accounts are saved in one batch.
    /// </summary>
    private AppUser DemoUser(string email, string name, DateTime createdAt)
    {
        var user = new AppUser
        {
            UserName = email,
            NormalizedUserName = users.NormalizeName(email),
            Email = email,
            NormalizedEmail = users.NormalizeEmail(email),
            EmailConfirmed = true,
            DisplayName = name,
            CreatedAt = createdAt,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        _sharedHash ??= users.PasswordHasher.HashPassword(user, DemoPassword);
        user.PasswordHash = _sharedHash;
        db.Users.Add(user);
        return user;
    }

    private string? _sharedHash;

    private Task<Content.ProcessedImage[]>? _portraits;
    private Task<Content.ProcessedImage[]>? _logos;

    /// <summary>
    /// The program speakers' portraits, drawn in parallel on the thread pool: pure CPU, so <see cref="SeedAsync"/> starts
    /// it first and the database steps before the schedule run beside it.
    /// </summary>
    private static Task<Content.ProcessedImage[]> DrawPortraitsAsync() => Task.Run(() =>
    {
        var portraits = new Content.ProcessedImage[ProgramSpeakers.Length];
        Parallel.For(0, portraits.Length, i => portraits[i] = DemoArt.Portrait(ProgramSpeakers[i].Name, i));
        return portraits;
    });

    /// <summary>The sponsors' logos, drawn and sanitized on the thread pool, likewise started first.</summary>
    private static Task<Content.ProcessedImage[]> DrawLogosAsync() => Task.Run(() => Sponsors.Select((s, i) => DemoArt.Logo(s.Company, i)).ToArray());

    /// <summary>
    /// The published program: three days in four rooms, two keynotes and two workshops a day, talks in the other rooms,
    /// breaks, lunch and the evening events. Every session is a proposal accepted and confirmed through the same rules as
    /// the site, each speaker gets their ticket through <see cref="Tickets.SpeakerTickets"/>, and the schedule is published
    /// as version 1 through <see cref="Pages.Admin.Schedule.ScheduleDraft.PublishAsync"/>. The 9:30 slot leaves Room C
    /// free on every day (the browser tests place a talk there on day two).
    /// </summary>
    private async Task SeedScheduleAsync(CancellationToken ct)
    {
        if (await db.TimeSlots.AnyAsync(ct)) return;
        var conference = await db.Conferences.AsNoTracking().Include(c => c.Rooms).Include(c => c.Tracks).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        var organizer = await users.FindByEmailAsync("organizer@example.com");
        var review = await db.ReviewSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        var cfp = await db.CallsForPapers.AsNoTracking().Include(c => c.Formats).FirstOrDefaultAsync(ct);
        if (conference is null || organizer is null || cfp is null) return;
        var now = time.GetUtcNow().UtcDateTime;

        var seeded = await db.Proposals.Include(p => p.Speakers).Include(p => p.StateChanges)
            .Where(p => ReviewSeedProgram.Contains(p.Title) && p.State == ProposalState.Submitted).ToListAsync(ct);
        if (seeded.Count != ReviewSeedProgram.Length) return;

        // The speakers: accounts, profiles and portraits, in one save; the pictures drawn in parallel first.
        var bare = await db.SpeakerProfiles.Where(p => p.PhotoId == null).ToListAsync(ct);
        var portraits = (await (_portraits ?? DrawPortraitsAsync()))
            .Concat(bare.Select((p, i) => DemoArt.Portrait(p.DisplayName, ProgramSpeakers.Length + i))).ToArray();
        SpeakerPhoto Photo(string userId, int i) => new()
            { UserId = userId, Content = portraits[i].Content, ContentType = portraits[i].ContentType, Width = portraits[i].Width, Height = portraits[i].Height, CreatedAt = now };
        var speakerIds = new List<string>();
        for (var i = 0; i < ProgramSpeakers.Length; i++)
        {
            var s = ProgramSpeakers[i];
            var user = DemoUser(EmailFor(s.Name), s.Name, now.AddDays(-45 + i % 20));
            db.SpeakerProfiles.Add(new SpeakerProfile
            {
                UserId = user.Id, DisplayName = s.Name, Headline = s.Headline, Company = s.Company, City = s.City, Pronouns = s.Pronouns,
                Bio = s.Bio, Photo = Photo(user.Id, i), UpdatedAt = now,
            });
            speakerIds.Add(user.Id);
        }
        // The demo accounts' own profiles get a portrait too, as if they had uploaded one.
        for (var i = 0; i < bare.Count; i++) bare[i].Photo = Photo(bare[i].UserId, ProgramSpeakers.Length + i);

        var talk = cfp.Formats.First(f => f.Name == "Talk");
        var workshop = cfp.Formats.First(f => f.Name == "Workshop");
        var window = new SubmissionWindow(now.AddDays(-30), now.AddDays(1), true, true);
        var created = new List<(Proposal Proposal, DemoFormat Format)>();
        foreach (var t in ProgramTalks)
        {
            var userId = speakerIds[t.Speaker];
            var p = Proposal.StartDraft(conference.Id, userId, Guid.NewGuid(), new ProposalContent(t.Title,
                t.Format == DemoFormat.Workshop ? workshop.Id : talk.Id, conference.Tracks.First(x => x.Slug == t.Track).Id, t.Level,
                t.Abstract, t.Language == "zh-Hans" ? "面向评审的大纲与要点。" : "Outline and takeaways for reviewers.", "", false, "", "", t.Language),
                now.AddDays(-25));
            p.Submit(userId, now.AddDays(-24), window);
            db.Proposals.Add(p);
            created.Add((p, t.Format));
        }
        foreach (var p in seeded.Concat(created.Select(c => c.Proposal)))
        {
            p.Decide(ProposalState.Accepted, organizer.Id, now);
            p.Answer(true, p.Speakers[0].UserId, now, review?.ConfirmBy);
        }
        await db.SaveChangesAsync(ct);
        // Once per speaker: a second proposal by the same person finds the ticket already issued. Each in a scope of its
        // own, as each speaker's confirmation is a request of its own: the seed's context tracks the whole program, and
        // every save would look through all of it.
        foreach (var p in seeded.Concat(created.Select(c => c.Proposal)).DistinctBy(p => p.Speakers[0].UserId))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Tickets.SpeakerTickets>().IssueAsync(p.Id, p.Speakers[0].UserId, ct);
        }

        var rooms = conference.Rooms.OrderBy(r => r.SortOrder).ToList();
        var (main, roomB, roomC, lab) = (rooms[0], rooms[1], rooms[2], rooms[3]);
        var keynotes = new Queue<Proposal>(created.Where(c => c.Format == DemoFormat.Keynote).Select(c => c.Proposal));
        var workshops = new Queue<Proposal>(created.Where(c => c.Format == DemoFormat.Workshop).Select(c => c.Proposal));
        var talks = seeded.Concat(created.Where(c => c.Format == DemoFormat.Talk).Select(c => c.Proposal)).ToList();
        var booked = new List<(string UserId, DateTime Start, DateTime End)>();

        TimeSlot Slot(DateOnly day, int h, int m, int minutes)
        {
            var start = conference.ToUtc(day, new TimeOnly(h, m));
            var slot = new TimeSlot { ConferenceEventId = conference.Id, StartsAt = start, EndsAt = start.AddMinutes(minutes) };
            db.TimeSlots.Add(slot);
            return slot;
        }
        void Item(TimeSlot slot, ScheduleItemKind kind, string title, Room? room = null) => db.ScheduleItems.Add(Translate(new ScheduleItem
            { ConferenceEventId = conference.Id, Slot = slot, RoomId = room?.Id, Kind = kind, Title = title, UpdatedAt = now }));
        void Place(TimeSlot slot, Room room, Proposal p, ScheduleItemKind kind = ScheduleItemKind.Session)
        {
            db.ScheduleItems.Add(new ScheduleItem { ConferenceEventId = conference.Id, Slot = slot, RoomId = room.Id, Kind = kind, ProposalId = p.Id, UpdatedAt = now });
            booked.Add((p.Speakers[0].UserId, slot.StartsAt, slot.EndsAt));
        }
        bool Free(Proposal p, TimeSlot slot) => !booked.Any(b => b.UserId == p.Speakers[0].UserId && b.Start < slot.EndsAt && slot.StartsAt < b.End);
        void NextTalk(TimeSlot slot, Room room)
        {
            var p = talks.FirstOrDefault(t => Free(t, slot));
            if (p is null) return;
            talks.Remove(p);
            Place(slot, room, p);
        }

        (int H, int M, bool RoomC)[] talkSlots = [(9, 30, false), (10, 20, true), (11, 0, false), (11, 40, false), (13, 10, false), (13, 50, false), (14, 30, false), (15, 20, false)];
        for (var d = 0; d < conference.DayCount; d++)
        {
            var day = conference.StartDate.AddDays(d);
            Item(Slot(day, 8, 0, 60), ScheduleItemKind.Registration, d == 0 ? "Registration and breakfast" : "Doors open and breakfast");
            var opening = Slot(day, 9, 0, 30);
            var closing = Slot(day, 16, 0, 30);
            if (keynotes.TryDequeue(out var k1)) Place(opening, main, k1, ScheduleItemKind.Keynote);
            if (keynotes.TryDequeue(out var k2)) Place(closing, main, k2, ScheduleItemKind.Keynote);
            Item(Slot(day, 10, 0, 20), ScheduleItemKind.Break, "Coffee and the expo");
            Item(Slot(day, 12, 10, 60), ScheduleItemKind.Lunch, "Lunch");
            Item(Slot(day, 15, 0, 20), ScheduleItemKind.Break, "Coffee and the expo");
            foreach (var (h, m) in new[] { (10, 20), (13, 10) })
                if (workshops.TryDequeue(out var w)) Place(Slot(day, h, m, workshop.DurationMinutes), lab, w);
            foreach (var (h, m, withC) in talkSlots)
            {
                var slot = Slot(day, h, m, 30);
                NextTalk(slot, main);
                NextTalk(slot, roomB);
                if (withC) NextTalk(slot, roomC);
            }
            if (d == 0) Item(Slot(day, 17, 0, 120), ScheduleItemKind.Social, "Welcome reception");
            if (d == 1) Item(Slot(day, 17, 0, 180), ScheduleItemKind.Social, "The summit party");
        }
        await db.SaveChangesAsync(ct);

        var fresh = await db.Conferences.AsNoTracking().Include(c => c.Rooms.OrderBy(r => r.SortOrder)).Include(c => c.Tracks).FirstAsync(c => c.Id == conference.Id, ct);
        await schedule.PublishAsync(fresh, organizer.Id, "The first program.", now, ct);
        log.LogInformation("Seeded and published the demo schedule: {Sessions} sessions, {Speakers} speakers", seeded.Count + created.Count, speakerIds.Count);
    }

    /// <summary>
    /// Live sponsors in every tier, each applied, approved and paid by invoice through the entity's own transitions, its
    /// slot taken by the same conditional UPDATE a real application uses, its SVG logo through the sanitizer, and the
    /// complimentary voucher for the tier's included tickets as <see cref="SponsorSales.MarkPaidAsync"/> creates it.
    /// No emails: nobody applied.
    /// </summary>
    private async Task SeedSponsorsAsync(CancellationToken ct)
    {
        if (await db.Sponsorships.AnyAsync(ct)) return;
        var tiers = await db.SponsorTiers.ToListAsync(ct); // tracked for the log lines and the price; their counter moves only by the UPDATE below
        var organizer = await users.FindByEmailAsync("organizer@example.com");
        if (tiers.Count == 0 || organizer is null) return;
        var now = time.GetUtcNow().UtcDateTime;
        var actor = organizer.Email;
        var live = new List<Sponsorship>();
        var logos = await (_logos ?? DrawLogosAsync());
        for (var i = 0; i < Sponsors.Length; i++)
        {
            var s = Sponsors[i];
            var tier = tiers.FirstOrDefault(t => t.Name == s.Tier);
            if (tier is null) continue;
            var held = await db.SponsorTiers.Where(t => t.Id == tier.Id && t.Taken + 1 <= t.Slots)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Taken, t => t.Taken + 1), ct);
            if (held != 1) continue;
            var slug = Slug.From(s.Company, 60);
            var email = $"partners@{slug}.example.com";
            var contact = DemoUser(email, s.Company + " partnerships", now.AddDays(-40));
            var applied = now.AddDays(-38 + i * 2);
            var logo = logos[i];
            var sponsorship = new Sponsorship
            {
                Slug = slug, TierId = tier.Id, Tier = tier, ContactUserId = contact.Id, CompanyName = s.Company, Website = s.Website,
                ContactName = s.Company + " partnerships", ContactEmail = email, ContactPhone = $"+1 415 555 01{i:00}",
                BillingAddress = $"{100 + i * 7} Market St\nSan Francisco, CA 94105", Description = s.Description,
                Status = SponsorshipStatus.Applied, SlotHeld = true, CreatedAt = applied, HoldExpiresAt = applied.AddDays(7),
                IdempotencyKey = Guid.NewGuid(),
                Logo = new SponsorLogo { Content = logo.Content, ContentType = logo.ContentType, UploadedAt = applied },
            };
            sponsorship.Log($"Applied for {tier.Name}", applied, email);
            sponsorship.Approve("Welcome aboard! Your booth and logo details follow.", applied.AddDays(1), applied.AddDays(15), actor!);
            sponsorship.MarkPaid(new SponsorPayment(SponsorPayment.Invoice), applied.AddDays(4), actor!);
            db.Sponsorships.Add(sponsorship);
            live.Add(sponsorship);
        }
        await db.SaveChangesAsync(ct);
        foreach (var s in live.Where(s => s.Tier.IncludedTickets > 0 && s.Tier.IncludedTicketTypeId is not null))
        {
            var voucher = new Voucher
            {
                Code = $"SPONSOR-{s.Id}-{Order.NewCode()[..6]}",
                Kind = VoucherKind.Comp,
                MaxUses = s.Tier.IncludedTickets,
                UnlocksHidden = true,
                Note = $"Included tickets: {s.CompanyName} ({s.Tier.Name})",
            };
            voucher.TicketTypes.Add(new VoucherTicketType { TicketTypeId = s.Tier.IncludedTicketTypeId!.Value });
            db.Vouchers.Add(voucher);
            await db.SaveChangesAsync(ct);
            s.TicketVoucherId = voucher.Id;
        }
        await db.SaveChangesAsync(ct);
        log.LogInformation("Seeded {Count} live demo sponsors", live.Count);
    }

    /// <summary>Orders through <see cref="TicketSales"/>, the checkout's own path (seats counted, tickets issued), paid by card or invoice or free.</summary>
    private async Task SeedSalesAsync(CancellationToken ct)
    {
        if (await db.Orders.AnyAsync(o => o.PaymentMethod != PaymentMethod.Comp, ct)) return;
        var types = await db.TicketTypes.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        string[] colleagues =
        [
            "Avery Chen", "Blake Foster", "Camille Laurent", "Devon Price", "Elif Demir", "Farah Aziz", "Gabriel Santos",
            "Hana Kobayashi", "Ian McLeod", "Julia Weber", "Karan Malhotra", "Laila Haddad", "Milan Horvat", "Nora Eriksen",
            "Owen Hughes", "Paula Jimenez", "Quinn Harper", "Rosa Martinez", "Stefan Kovac", "Tara Singh",
        ];
        var next = 0;
        var placed = 0;
        foreach (var (buyer, i) in Buyers.Select((b, i) => (b, i)))
        {
            var email = EmailFor(buyer.Name);
            var company = buyer.Company.Length > 0 ? buyer.Company : null;
            var attendees = new List<AttendeeInput>();
            var people = new List<(string Name, string Email)>();
            foreach (var (type, count) in buyer.Lines)
            {
                if (!types.TryGetValue(type, out var typeId)) continue;
                var addOn = type == "Workshop add-on"; // for people already in the order
                for (var k = 0; k < count; k++)
                {
                    (string Name, string Email) person;
                    if (addOn && k < people.Count) person = people[k];
                    else if (people.Count == 0) people.Add(person = (buyer.Name, email));
                    else
                    {
                        var name = colleagues[next++ % colleagues.Length];
                        people.Add(person = (name, EmailFor(name, (company is null ? "mail" : Slug.From(company)) + ".example.com")));
                    }
                    attendees.Add(new AttendeeInput(typeId, person.Name, person.Email, company, null, null, null, type.StartsWith("In-person", StringComparison.Ordinal) ? "M" : null));
                }
            }
            if (attendees.Count == 0) continue;
            var outcome = await sales.PlaceOrderAsync(new OrderRequest(Guid.NewGuid(), attendees,
                new BuyerInput(buyer.Name, email, company, buyer.Method == PaymentMethod.Invoice ? $"{company}\n{200 + i} Howard St\nSan Francisco, CA" : null, null),
                null, buyer.Method, null, Language: "en"), ct);
            if (outcome.Order is not { } order) continue;
            placed++;
            if (buyer.Method is PaymentMethod.Invoice or PaymentMethod.Card)
                await sales.MarkPaidAsync(order.Id, buyer.Method, buyer.Method == PaymentMethod.Card ? $"pi_demo_{i:000}" : null, "organizer@example.com", ct);
        }
        log.LogInformation("Seeded {Count} demo ticket orders", placed);
    }

    /// <summary>
    /// Stars, so the program's star counts are not all zero: every account that holds a valid ticket (the speakers and any
    /// buyer with an account) stars a few published sessions, never its own and never two at once, chosen by a hash of the
    /// account and the session so the same demo always draws the same agenda.
    /// </summary>
    private async Task SeedStarsAsync(CancellationToken ct)
    {
        if (await db.SessionStars.AnyAsync(ct)) return;
        var snapshot = await db.ScheduleVersions.AsNoTracking().OrderByDescending(v => v.Number).Select(v => v.Snapshot).FirstOrDefaultAsync(ct);
        if (snapshot is null) return;
        var sessions = PublishedProgram.FromJson(snapshot).Sessions.Where(s => s.IsSession).OrderBy(s => s.StartsAt).ThenBy(s => s.Key).ToList();
        var holders = await db.Tickets.AsNoTracking()
            .Where(t => t.CancelledAt == null && t.Order.Status == OrderStatus.Paid && t.Order.UserId != null)
            .Select(t => t.Order.UserId!).Distinct().OrderBy(u => u).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var userId in holders)
        {
            var mine = new List<PublishedSession>();
            var want = 3 + Stable(userId) % 4; // three to six
            foreach (var s in sessions)
            {
                if (mine.Count == want) break;
                if (s.SpeakerUserIds.Contains(userId) || Stable(userId + s.Key) % 5 != 0) continue;
                if (mine.Any(m => m.StartsAt < s.EndsAt && s.StartsAt < m.EndsAt)) continue;
                mine.Add(s);
            }
            db.SessionStars.AddRange(mine.Select(s => Core.Agenda.SessionStar.On(userId, s, now.AddDays(-Stable(s.Key + userId) % 7))));
            count += mine.Count;
        }
        await db.SaveChangesAsync(ct);
        log.LogInformation("Seeded {Count} demo stars from {People} ticket holders", count, holders.Count);
    }

    /// <summary>A hash that, unlike string.GetHashCode, is the same in every process.</summary>
    private static int Stable(string text) => (int)(text.Aggregate(2166136261u, (h, c) => (h ^ c) * 16777619u) & 0x7fffffff);
}

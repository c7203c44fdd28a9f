using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Schedule;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Database;

/// <summary>The Development demo: the summit, its tracks and rooms, and one account per kind of user.</summary>
public sealed partial class DemoSeeder(AppDbContext db, UserManager<AppUser> users, TimeProvider time, ILogger<DemoSeeder> log,
    Pages.Admin.Schedule.ScheduleDraft schedule, IServiceScopeFactory scopes, TicketSales sales)
{
    /// <summary>Development only; printed at startup and in the README.</summary>
    public const string DemoPassword = "Summit-Demo-2026!";

    public static readonly (string Email, string Name, string? Role)[] DemoAccounts =
    [
        ("organizer@example.com", "Olivia Organizer", Roles.Organizer),
        ("reviewer@example.com", "Riley Reviewer", Roles.Reviewer),
        ("speaker@example.com", "Sam Speaker", null),
        ("attendee@example.com", "Alex Attendee", null),
        ("priya@example.com", "Priya Patel", null),
        ("diego@example.com", "Diego Alvarez", null),
    ];

    public static readonly (string Name, string Description)[] DemoTracks =
    [
        ("AI UX", "Interfaces, interaction patterns and product design for software that thinks."),
        ("AI Dev Tools", "Copilots, code agents, evaluation harnesses and the tools engineers build with."),
        ("AI Infrastructure", "Serving, GPUs, latency, cost and the platforms under AI products."),
        ("AI Agents", "Planning, tool use, memory and multi-agent systems that ship."),
        ("LLM Tooling", "Chains, retrieval, vector databases and the glue around models."),
        ("Open Models", "Training, fine-tuning, inference and evals for open-weight models."),
    ];

    /// <summary>The language the demo's own content is also written in, as an organizer would in the side-by-side forms.</summary>
    public const string DemoTranslationLanguage = "zh-Hans";

    /// <summary>The demo content in Chinese: English text → its translation, for every name and description the seed writes.</summary>
    public static readonly IReadOnlyDictionary<string, string> Chinese = new Dictionary<string, string>
    {
        // Tracks
        ["AI UX"] = "AI 用户体验",
        ["Interfaces, interaction patterns and product design for software that thinks."] = "为会思考的软件设计界面、交互模式与产品。",
        ["AI Dev Tools"] = "AI 开发工具",
        ["Copilots, code agents, evaluation harnesses and the tools engineers build with."] = "编程助手、代码智能体、评测框架，以及工程师日常使用的各类工具。",
        ["AI Infrastructure"] = "AI 基础设施",
        ["Serving, GPUs, latency, cost and the platforms under AI products."] = "推理服务、GPU、延迟、成本，以及支撑 AI 产品的平台。",
        ["AI Agents"] = "AI 智能体",
        ["Planning, tool use, memory and multi-agent systems that ship."] = "真正能上线的规划、工具调用、记忆与多智能体系统。",
        ["LLM Tooling"] = "大模型工具链",
        ["Chains, retrieval, vector databases and the glue around models."] = "编排链、检索、向量数据库，以及围绕模型的各种衔接工作。",
        ["Open Models"] = "开源模型",
        ["Training, fine-tuning, inference and evals for open-weight models."] = "开放权重模型的训练、微调、推理与评测。",
        // Rooms
        ["Main Stage"] = "主会场",
        ["Room B"] = "B 厅",
        ["Room C"] = "C 厅",
        ["Workshop Lab"] = "工作坊教室",
        // Session formats
        ["Talk"] = "演讲",
        ["Workshop"] = "工作坊",
        ["Lightning"] = "闪电演讲",
        // Ticket types
        ["In-person Early Bird"] = "现场早鸟票",
        ["All three days at the venue: talks, workshops' open sessions, expo, meals and the party. Limited early price."] = "三天现场参会：演讲、工作坊公开场次、展区、餐食和晚会。早鸟价，数量有限。",
        ["In-person Regular"] = "现场标准票",
        ["All three days at the venue: talks, expo, meals and the party."] = "三天现场参会：演讲、展区、餐食和晚会。",
        ["Remote"] = "线上票",
        ["The livestream of every main-stage and Room B talk, with the live chat."] = "主会场和 B 厅每一场演讲的直播，以及直播聊天。",
        ["Remote Supporter"] = "线上支持者票",
        ["The livestream plus recordings a week early, and you help keep the remote ticket free."] = "直播，外加提前一周观看录像；您的支持让线上票得以保持免费。",
        ["Workshop add-on"] = "工作坊加购",
        ["A seat in a hands-on workshop on day one. Bring a laptop."] = "第一天一场动手工作坊的席位。请自带笔记本电脑。",
        ["Speaker"] = "演讲者票",
        ["For confirmed speakers."] = "供已确认的演讲者使用。",
        // Sponsor tiers
        ["Platinum"] = "白金",
        ["Keynote-stage talk slot\nLargest logo on the site, stage and livestream\nPremium booth\n10 in-person tickets"] = "主舞台演讲时段\n网站、舞台和直播中最大的标志\n高级展位\n10 张现场门票",
        ["Gold"] = "黄金",
        ["Breakout talk slot\nLarge logo on the site and stage\nBooth\n6 in-person tickets"] = "分会场演讲时段\n网站和舞台上的大号标志\n展位\n6 张现场门票",
        ["Silver"] = "白银",
        ["Tabletop in the expo\nLogo on the site\n3 in-person tickets"] = "展区桌面展台\n网站上的标志\n3 张现场门票",
        ["Community"] = "社区",
        ["Logo on the site\n1 in-person ticket\nFor startups and open-source projects"] = "网站上的标志\n1 张现场门票\n面向初创公司和开源项目",
        // Items of the program that are not talks
        ["Registration and breakfast"] = "签到与早餐",
        ["Opening keynote: the state of AI engineering"] = "开幕主题演讲：AI 工程的现状",
        ["Coffee and the expo"] = "茶歇与展区",
        ["Lunch"] = "午餐",
        ["Welcome reception"] = "欢迎酒会",
        ["The summit party"] = "峰会晚会",
        ["Doors open and breakfast"] = "开门入场与早餐",
        // The conference
        ["The conference for software engineers building products on foundation models, in San Francisco and online."] = "面向基于基础模型构建产品的软件工程师的大会，在旧金山现场与线上同步举行。",
        [DefaultGuidance] = """
            - **真实经验。** 您亲手构建、上线并衡量过的东西，包括出过的问题。
            - **具体细节。** 数字、架构、代码和评测，胜过趋势和预测。
            - **可带走的收获。** 参会者听完后，下周一就能动手做些新的事情。
            - **拒绝推销。** 介绍自家产品的演讲，只有在传授人人可用的知识时才受欢迎。
            """,
    };

/// <summary>
    /// Writes the demo record's Chinese, as an organizer would in the side-by-side forms: the seed translates what it
    /// creates, while the Build* methods (which tests share) stay English only.
    /// </summary>
    public static T Translate<T>(T record) where T : Core.Content.ITranslated
    {
        (string Field, string? English)[] fields = record switch
        {
            ConferenceEvent c => [(nameof(ConferenceEvent.Tagline), c.Tagline)],
            Track t => [(nameof(Track.Name), t.Name), (nameof(Track.Description), t.Description)],
            Room r => [(nameof(Room.Name), r.Name)],
            TicketType t => [(nameof(TicketType.Name), t.Name), (nameof(TicketType.Description), t.Description)],
            Core.Sponsors.SponsorTier t => [(nameof(Core.Sponsors.SponsorTier.Name), t.Name), (nameof(Core.Sponsors.SponsorTier.Benefits), t.Benefits)],
            CallForPapers c => [(nameof(CallForPapers.Guidance), c.Guidance)],
            SessionFormat f => [(nameof(SessionFormat.Name), f.Name)],
            ScheduleItem i => [(nameof(ScheduleItem.Title), i.Title)],
            _ => [],
        };
        foreach (var (field, english) in fields)
            if (english is not null && Chinese.TryGetValue(english, out var text)) record.Translations.Set(DemoTranslationLanguage, field, text);
        switch (record)
        {
            case ConferenceEvent c:
                c.Translations.Set(DemoTranslationLanguage, nameof(ConferenceEvent.Name), $"AI 工程师峰会 {c.StartDate.Year}");
                foreach (var t in c.Tracks) Translate(t);
                foreach (var r in c.Rooms) Translate(r);
                break;
            case CallForPapers c:
                foreach (var f in c.Formats) Translate(f);
                break;
        }
        return record;
    }

    public async Task SeedAsync(CancellationToken ct = default)
    {
        // A new demo: start on the pictures now, beside the database work.
        if (!await db.TimeSlots.AnyAsync(ct)) _portraits = DrawPortraitsAsync();
        if (!await db.Sponsorships.AnyAsync(ct)) _logos = DrawLogosAsync();
        if (!await db.Conferences.AnyAsync(ct))
        {
            db.Conferences.Add(Translate(BuildConference(time.GetUtcNow().UtcDateTime)));
            await db.SaveChangesAsync(ct);
            log.LogInformation("Seeded the demo conference");
        }
        if (!await db.TicketTypes.AnyAsync(ct))
        {
            db.TicketTypes.AddRange(BuildTicketTypes(time.GetUtcNow().UtcDateTime).Select(Translate));
            await db.SaveChangesAsync(ct);
            log.LogInformation("Seeded the demo ticket catalog");
        }
        if (!await db.SponsorTiers.AnyAsync(ct))
        {
            var regular = await db.TicketTypes.Where(t => t.Name == "In-person Regular").Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            db.SponsorTiers.AddRange(BuildSponsorTiers(regular).Select(Translate));
            await db.SaveChangesAsync(ct);
        }

        // One batch, one password hash (see DemoUser): UserManager.CreateAsync would hash the same password once per account.
        var roles = new List<(AppUser User, string Role)>();
        foreach (var (email, name, role) in DemoAccounts)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = DemoUser(email, name, time.GetUtcNow().UtcDateTime);
            if (role is not null) roles.Add((user, role));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (user, role) in roles) await users.AddToRoleAsync(user, role);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var steps = new List<string>();
        async Task Step(string name, Func<CancellationToken, Task> work)
        {
            var at = clock.ElapsedMilliseconds;
            await work(ct);
            steps.Add($"{name} {clock.ElapsedMilliseconds - at} ms");
        }
        await Step("cfp", SeedCallForPapersAsync);
        await Step("review", SeedReviewAsync);
        await Step("schedule", SeedScheduleAsync);
        await Step("sponsors", SeedSponsorsAsync);
        await Step("sales", SeedSalesAsync);
        await Step("stars", SeedStarsAsync);
        log.LogInformation("Demo seed steps: {Steps}", string.Join(", ", steps));

        log.LogWarning("Demo accounts (Development only): {Accounts}, password {DemoPassword}",
            string.Join(", ", DemoAccounts.Select(a => a.Email)), DemoPassword);
    }

    /// <summary>The catalog, with sale windows relative to <paramref name="now"/> so the demo is always on sale.</summary>
    public static IEnumerable<TicketType> BuildTicketTypes(DateTime now) =>
    [
        new() { Name = "In-person Early Bird", Kind = TicketKind.InPerson, PriceMinor = 79900, Capacity = 200, SaleStartsAt = now.AddDays(-60), SaleEndsAt = now.AddDays(3), MaxPerOrder = 5, SortOrder = 0,
                Description = "All three days at the venue: talks, workshops' open sessions, expo, meals and the party. Limited early price." },
        new() { Name = "In-person Regular", Kind = TicketKind.InPerson, PriceMinor = 119900, Capacity = 600, SaleStartsAt = now.AddDays(-60), MaxPerOrder = 10, SortOrder = 1,
                Description = "All three days at the venue: talks, expo, meals and the party." },
        new() { Name = "Remote", Kind = TicketKind.Remote, PriceMinor = 0, Capacity = 10000, SaleStartsAt = now.AddDays(-60), MaxPerOrder = 1, SortOrder = 2,
                Description = "The livestream of every main-stage and Room B talk, with the live chat." },
        new() { Name = "Remote Supporter", Kind = TicketKind.Remote, PriceMinor = 9900, Capacity = 2000, SaleStartsAt = now.AddDays(-60), MaxPerOrder = 5, SortOrder = 3,
                Description = "The livestream plus recordings a week early, and you help keep the remote ticket free." },
        new() { Name = "Workshop add-on", Kind = TicketKind.AddOn, PriceMinor = 29900, Capacity = 60, SaleStartsAt = now.AddDays(-60), MaxPerOrder = 2, SortOrder = 4,
                Description = "A seat in a hands-on workshop on day one. Bring a laptop." },
        new() { Name = "Speaker", Kind = TicketKind.InPerson, PriceMinor = 0, Capacity = 150, Hidden = true, MaxPerOrder = 1, SortOrder = 5,
                Description = "For confirmed speakers." },
    ];

    /// <summary>A call that is open now (30 days either side of the seed's clock), its formats, and two proposals by the demo speaker.</summary>
    private async Task SeedCallForPapersAsync(CancellationToken ct)
    {
        if (await db.CallsForPapers.AnyAsync(ct)) return;
        var conference = await db.Conferences.Include(c => c.Tracks).OrderBy(c => c.Id).FirstAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var cfp = Translate(BuildCallForPapers(conference.Id, now));
        db.CallsForPapers.Add(cfp);
        await db.SaveChangesAsync(ct);

        var speaker = await users.FindByEmailAsync("speaker@example.com");
        if (speaker is null) return;
        db.SpeakerProfiles.Add(new SpeakerProfile
        {
            UserId = speaker.Id,
            DisplayName = "Sam Speaker",
            Headline = "Staff engineer, AI platform",
            Company = "Example Labs",
            Pronouns = "they/them",
            City = "Oakland, CA",
            Bio = "Sam builds the **evaluation platform** at Example Labs and writes about shipping LLM features safely.",
            GitHub = "https://github.com/example",
            UpdatedAt = now,
        });
        var talk = cfp.Formats.First(f => f.Name == "Talk");
        var workshop = cfp.Formats.First(f => f.Name == "Workshop");
        var submitted = Proposal.StartDraft(conference.Id, speaker.Id, Guid.NewGuid(), new ProposalContent(
            "Evals that catch regressions before your users do", talk.Id, conference.Tracks.First(t => t.Slug == "ai-dev-tools").Id,
            ProposalLevel.Intermediate,
            "How we built an evaluation harness that runs on every pull request, and the **three** regressions it caught last quarter.",
            "Outline: 1. why vibes fail 2. golden sets 3. LLM-as-judge pitfalls 4. wiring it into CI. Given internally twice.",
            "", true, "", ""), now.AddDays(-3));
        submitted.Submit(speaker.Id, now.AddDays(-2), SubmissionWindow.For(cfp, talk, false));
        var draft = Proposal.StartDraft(conference.Id, speaker.Id, Guid.NewGuid(), new ProposalContent(
            "Hands-on: build a tool-using agent in 80 minutes", workshop.Id, conference.Tracks.First(t => t.Slug == "ai-agents").Id,
            ProposalLevel.Introductory, "Bring a laptop; leave with an agent that plans, calls tools and recovers from errors.",
            "", "", false, "", ""), now.AddDays(-1));
        db.Proposals.AddRange(submitted, draft);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Seeded the demo call for papers");
    }

    /// <summary>Submitted proposals from two more demo speakers and an open, anonymous review, so "Assign" has work to share.</summary>
    private async Task SeedReviewAsync(CancellationToken ct)
    {
        if (await db.ReviewSettings.AnyAsync(ct)) return;
        var conference = await db.Conferences.Include(c => c.Tracks).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        var cfp = await db.CallsForPapers.Include(c => c.Formats).FirstOrDefaultAsync(ct);
        if (conference is null || cfp is null) return;
        var now = time.GetUtcNow().UtcDateTime;
        var review = Core.Review.ReviewSettings.CreateDefault(conference.Id);
        review.IsOpen = true;
        review.ConfirmBy = now.AddDays(30);
        db.ReviewSettings.Add(review);
        var reviewer = await users.FindByEmailAsync("reviewer@example.com");
        if (reviewer is not null)
            db.ReviewerProfiles.Add(new Core.Review.ReviewerProfile { UserId = reviewer.Id, Company = "Reviewer Collective",
                PreferredTrackIds = conference.Tracks.Where(t => t.Slug is "ai-agents" or "ai-dev-tools").Select(t => t.Id).ToList() });

        (string Email, string Name, string Company, (string Title, string Track, string Abstract)[] Talks)[] speakers =
        [
            ("priya@example.com", "Priya Patel", "Vectorworks AI", [
                ("Regression evals for LLM features in CI", "ai-dev-tools", "An evaluation harness that runs on every pull request and catches regressions before users do."),
                ("Retrieval that survives production", "llm-tooling", "Chunking, hybrid search and re-ranking lessons from a year of RAG in production."),
                ("Designing for uncertainty: AI UX patterns", "ai-ux", "How to show confidence, sources and undo in interfaces built on models."),
                ("GPU budgets without tears", "ai-infrastructure", "Capacity planning, batching and autoscaling for inference on a startup budget."),
                ("Fine-tuning small open models for extraction", "open-models", "When a fine-tuned 3B model beats a frontier model on structured extraction, and when it does not."),
            ]),
            ("diego@example.com", "Diego Alvarez", "Agentic Systems Inc", [
                ("Agents that recover from tool errors", "ai-agents", "Retry, reflect and replan: making tool-using agents robust to flaky APIs."),
                ("Memory for long-running agents", "ai-agents", "Episodic and semantic memory stores for agents that work for days."),
                ("Multi-agent orchestration in practice", "ai-agents", "Supervisors, handoffs and shared state in a production multi-agent system."),
                ("Latency budgets for voice agents", "ai-infrastructure", "Streaming, speculative decoding and caching to answer in under 500 ms."),
                ("Code review copilots that engineers trust", "ai-dev-tools", "Grounding review comments in tests and diffs so engineers keep them on."),
            ]),
        ];
        var talk = cfp.Formats.First(f => f.Name == "Talk");
        foreach (var (email, name, company, talks) in speakers)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null) continue;
            db.SpeakerProfiles.Add(new SpeakerProfile { UserId = user.Id, DisplayName = name, Company = company, Headline = "Engineer at " + company, UpdatedAt = now,
                Bio = $"{name.Split(' ')[0]} builds LLM features at **{company}** and writes about what survives contact with production." });
            foreach (var (title, track, abstractText) in talks)
            {
                var p = Proposal.StartDraft(conference.Id, user.Id, Guid.NewGuid(), new ProposalContent(title,
                    talk.Id, conference.Tracks.First(t => t.Slug == track).Id, ProposalLevel.Intermediate, abstractText,
                    "Outline and takeaways for reviewers.", "", false, "", ""), now.AddDays(-2));
                p.Submit(user.Id, now.AddDays(-1), new SubmissionWindow(now.AddDays(-3), now.AddDays(1), true, true));
                db.Proposals.Add(p);
            }
        }
        await db.SaveChangesAsync(ct);
        log.LogInformation("Seeded demo proposals for review");
    }

    public static CallForPapers BuildCallForPapers(int conferenceId, DateTime now)
    {
        var call = new CallForPapers
        {
            ConferenceEventId = conferenceId,
            OpensAt = now.AddDays(-30),
            ClosesAt = now.AddDays(30),
            Guidance = DefaultGuidance,
            Formats =
            [
                new SessionFormat { Name = "Talk", DurationMinutes = 25, MaxCoSpeakers = 1, IsOpen = true, SortOrder = 0 },
                new SessionFormat { Name = "Workshop", DurationMinutes = 80, MaxCoSpeakers = 3, IsOpen = true, SortOrder = 1 },
                new SessionFormat { Name = "Lightning", DurationMinutes = 5, MaxCoSpeakers = 0, IsOpen = true, SortOrder = 2 },
            ],
        };
        return call;
    }

    public const string DefaultGuidance = """
        - **Real experience.** Things you built, shipped and measured, including what went wrong.
        - **Specifics.** Numbers, architectures, code and evals over trends and predictions.
        - **Something to take home.** Attendees should leave able to do something new on Monday.
        - **No sales pitches.** Talks about your own product are welcome only when they teach something anyone can use.
        """;

    public static IEnumerable<Core.Sponsors.SponsorTier> BuildSponsorTiers(int? includedTicketTypeId) =>
    [
        new() { Name = "Platinum", PriceMinor = 5_000_000, Slots = 2, IncludedTickets = 10, IncludedTicketTypeId = includedTicketTypeId, SortOrder = 0,
                Benefits = "Keynote-stage talk slot\nLargest logo on the site, stage and livestream\nPremium booth\n10 in-person tickets" },
        new() { Name = "Gold", PriceMinor = 2_500_000, Slots = 5, IncludedTickets = 6, IncludedTicketTypeId = includedTicketTypeId, SortOrder = 1,
                Benefits = "Breakout talk slot\nLarge logo on the site and stage\nBooth\n6 in-person tickets" },
        new() { Name = "Silver", PriceMinor = 1_000_000, Slots = 10, IncludedTickets = 3, IncludedTicketTypeId = includedTicketTypeId, SortOrder = 2,
                Benefits = "Tabletop in the expo\nLogo on the site\n3 in-person tickets" },
        new() { Name = "Community", PriceMinor = 250_000, Slots = 20, IncludedTickets = 1, IncludedTicketTypeId = includedTicketTypeId, SortOrder = 3,
                Benefits = "Logo on the site\n1 in-person ticket\nFor startups and open-source projects" },
    ];

    /// <summary>How far ahead of the seed's day the demo summit starts: far enough for the CFP, review and sales to be running.</summary>
    public const int WeeksAhead = 8;

    public const string DemoTimeZone = "America/Los_Angeles";

    /// <summary>
    /// The demo's first day: the Tuesday <see cref="WeeksAhead"/> weeks (to 6 days more) after <paramref name="utcNow"/>'s
    /// date in San Francisco, so the summit runs Tuesday to Thursday and is always upcoming on the day it is seeded.
    /// </summary>
    public static DateOnly StartDateFor(DateTime utcNow)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(DemoTimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone));
        var start = today.AddDays(7 * WeeksAhead);
        while (start.DayOfWeek != DayOfWeek.Tuesday) start = start.AddDays(1);
        return start;
    }

    /// <summary>The demo summit, three days starting <see cref="StartDateFor"/> <paramref name="utcNow"/>; every other demo date follows from the same clock.</summary>
    public static ConferenceEvent BuildConference(DateTime utcNow)
    {
        var start = StartDateFor(utcNow);
        var conference = new ConferenceEvent
        {
            Name = $"AI Engineer Summit {start.Year}",
            Tagline = "The conference for software engineers building products on foundation models, in San Francisco and online.",
            VenueName = "Yerba Buena Center for the Arts",
            VenueAddress = "701 Mission St, San Francisco, CA 94103",
            City = "San Francisco",
            TimeZoneId = DemoTimeZone,
            StartDate = start,
            EndDate = start.AddDays(2),
            StreamUrl = "https://live.example.com/ai-engineer-summit",
            StreamDetails = "Every keynote and main-stage talk is streamed live with captions; remote ticket holders join from /live.",
        };
        var order = 0;
        foreach (var (name, description) in DemoTracks)
            conference.Tracks.Add(new Track { Name = name, Slug = Slug.From(name), Description = description, SortOrder = order++ });
        conference.Rooms.AddRange(
            new Room { Name = "Main Stage", Capacity = 800, Livestreamed = true, StreamUrl = "https://live.example.com/ai-engineer-summit/main-stage", SortOrder = 0 },
            new Room { Name = "Room B", Capacity = 250, Livestreamed = true, StreamUrl = "https://live.example.com/ai-engineer-summit/room-b", SortOrder = 1 },
            new Room { Name = "Room C", Capacity = 120, Livestreamed = false, SortOrder = 2 },
            new Room { Name = "Workshop Lab", Capacity = 60, Livestreamed = false, SortOrder = 3 });
        return conference;
    }
}

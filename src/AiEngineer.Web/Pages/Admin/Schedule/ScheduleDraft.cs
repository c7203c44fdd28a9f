using System.Net;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Schedule;
using AiEngineer.Web.Infrastructure.Email;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Pages.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Pages.Admin.Schedule;

/// <summary>
/// The draft schedule as the checker and the publisher see it, and publishing it: one place that turns the draft
/// into a new public version, its changelog and the emails to speakers whose sessions were added, moved or removed.
/// </summary>
public sealed class ScheduleDraft(AppDbContext db, ProgramStore published, IOptionsMonitor<SiteOptions> siteOptions, TimeProvider time, EmailTemplates templates,
    Microsoft.Extensions.Localization.IStringLocalizer<AdminText> T)
{
    /// <param name="Stars">How many people starred each placed proposal (by proposal id), to size rooms.</param>
    public sealed record Draft(IReadOnlyList<ProgramEntry> Entries, IReadOnlyList<SpeakerInfo> Speakers, IReadOnlyList<ScheduleWarning> Warnings,
        IReadOnlyDictionary<int, int> Stars);

    /// <param name="EmailCount">Emails to speakers whose sessions were added, moved or removed.</param>
    /// <param name="StarrerCount">People told that sessions they starred moved or left the program (one email each).</param>
    public sealed record PublishOutcome(ScheduleVersion? Version, string? Problem, int EmailCount = 0, int StarrerCount = 0);

    public async Task<Draft> LoadAsync(ConferenceEvent conference, CancellationToken ct)
    {
        var rooms = conference.Rooms.ToDictionary(r => r.Id, r => r.Name);
        var items = await db.ScheduleItems.AsNoTracking().Include(i => i.Slot)
            .Where(i => i.ConferenceEventId == conference.Id).ToListAsync(ct);
        var proposalIds = items.Where(i => i.ProposalId != null).Select(i => i.ProposalId!.Value).ToList();
        var proposals = await db.Proposals.AsNoTracking().Include(p => p.Speakers).Include(p => p.Format).Include(p => p.Track)
            .Where(p => proposalIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var speakerIds = proposals.Values.SelectMany(p => p.Speakers).Select(s => s.UserId).Distinct().ToList();
        var speakers = await SpeakersAsync(speakerIds, ct);
        var names = speakers.ToDictionary(s => s.UserId, s => s.Name);

        var entries = new List<ProgramEntry>();
        foreach (var i in items)
        {
            var room = i.RoomId is { } r ? rooms.GetValueOrDefault(r, "Room") : ConferenceEvent.AllRooms;
            if (i.ProposalId is { } pid && proposals.TryGetValue(pid, out var p))
            {
                var people = p.Speakers.OrderByDescending(s => s.IsPrimary).ThenBy(s => s.JoinedAt)
                    .Select(s => new DraftSpeaker(s.UserId, names.GetValueOrDefault(s.UserId, "A speaker"))).ToList();
                entries.Add(new ProgramEntry(
                    new DraftEntry(i.Id, p.Title, i.Kind, i.RoomId, room, i.Slot.StartsAt, i.Slot.EndsAt, p.Id,
                        p.Format?.DurationMinutes, people, p.State == ProposalState.Confirmed),
                    p.Track?.Name, p.Format?.Name, p.Level.ToString(), p.Abstract, p.Language));
            }
            else
            {
                entries.Add(new ProgramEntry(new DraftEntry(i.Id, i.Title, i.Kind, i.RoomId, room, i.Slot.StartsAt, i.Slot.EndsAt),
                    TitleTranslations: i.Translations.Where(t => t.Value.TryGetValue(nameof(ScheduleItem.Title), out var v) && v.Length > 0)
                        .ToDictionary(t => t.Key, t => t.Value[nameof(ScheduleItem.Title)])));
            }
        }
        var availability = (await db.SpeakerAvailabilities.AsNoTracking().Where(a => speakerIds.Contains(a.UserId)).ToListAsync(ct))
            .GroupBy(a => a.UserId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(DateTime, DateTime)>)g.Select(a => (a.StartsAt, a.EndsAt)).ToList());
        var stars = await db.SessionStars.AsNoTracking().Where(s => proposalIds.Contains(s.ProposalId))
            .GroupBy(s => s.ProposalId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var seats = conference.Rooms.ToDictionary(r => r.Id, r => r.Capacity);
        var warnings = ScheduleChecker.Check(entries.Select(e => e.Entry).ToList(), availability, conference.ToLocal, stars, seats);
        return new Draft(entries, speakers, warnings, stars);
    }

    /// <summary>Speakers as the program names them: the speaker profile's name, else the account's.</summary>
    public async Task<List<SpeakerInfo>> SpeakersAsync(List<string> userIds, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var profiles = await db.SpeakerProfiles.AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        return users.Select(u => profiles.TryGetValue(u.Id, out var p) && p.DisplayName.Length > 0
                ? new SpeakerInfo(u.Id, p.DisplayName, p.Company, p.Headline)
                : new SpeakerInfo(u.Id, u.DisplayName ?? "Speaker", "", ""))
            .ToList();
    }

    /// <summary>What publishing now would change, for the preview; empty when the public program is up to date.</summary>
    public async Task<IReadOnlyList<ScheduleChange>> PendingChangesAsync(ConferenceEvent conference, Draft draft, CancellationToken ct)
    {
        var previous = await published.GetAsync(conference, ct);
        var (_, changes) = Build(conference, draft, previous, time.GetUtcNow().UtcDateTime);
        return changes;
    }

    private static (PublishedProgram, IReadOnlyList<ScheduleChange>) Build(ConferenceEvent conference, Draft draft, PublishedProgram? previous, DateTime now) =>
        PublishedProgram.Build(draft.Entries.Where(e => e.Entry.Confirmed).ToList(), draft.Speakers, previous,
            (previous?.Version ?? 0) + 1, now, conference.ToLocal);

    public async Task<PublishOutcome> PublishAsync(ConferenceEvent conference, string userId, string note, DateTime now, CancellationToken ct)
    {
        var draft = await LoadAsync(conference, ct);
        var previous = await published.GetAsync(conference, ct);
        var (program, changes) = Build(conference, draft, previous, now);
        if (previous is not null && changes.Count == 0)
            return new(null, T["Nothing has changed since version {0}; there is nothing to publish.", previous.Version]);
        if (previous is null && program.Sessions.Count == 0)
            return new(null, T["The schedule is empty. Place sessions or items before publishing."]);

        var version = new ScheduleVersion
        {
            ConferenceEventId = conference.Id,
            Number = program.Version,
            PublishedAt = now,
            PublishedByUserId = userId,
            Note = note.Trim(),
            Changelog = string.Join('\n', changes.Select(c => c.Text.English)), // the record stays in English, like every log
            Snapshot = program.ToJson(),
        };
        db.ScheduleVersions.Add(version);
        var emails = await QueueSpeakerEmailsAsync(conference, changes, program, previous, now, ct);
        // In the same transaction as the version: a publish that fails (someone else published first) sends nothing,
        // and each publish tells each person once.
        var starrers = await QueueStarrerEmailsAsync(conference, changes, program, previous, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (conference, number) index: another organizer published version N a moment ago.
            db.ChangeTracker.Clear();
            return new(null, T["Someone else published the schedule a moment ago. Review the changes again and publish."]);
        }
        return new(version, null, emails, starrers);
    }

    private async Task<int> QueueSpeakerEmailsAsync(ConferenceEvent conference, IReadOnlyList<ScheduleChange> changes,
        PublishedProgram program, PublishedProgram? previous, DateTime now, CancellationToken ct)
    {
        var site = siteOptions.CurrentValue;
        var count = 0;
        foreach (var change in changes.Where(c => c.ProposalId is not null && c.Kind != ScheduleChangeKind.Changed))
        {
            var session = program.Sessions.FirstOrDefault(s => s.Key == change.Key)
                          ?? previous?.Sessions.FirstOrDefault(s => s.Key == change.Key);
            if (session is null) continue;
            var ids = session.SpeakerUserIds.ToList();
            var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null)
                .Select(u => new { u.Email, u.DisplayName, u.Language }).ToListAsync(ct);
            var kind = change.Kind switch
            {
                ScheduleChangeKind.Added => "schedule.added",
                ScheduleChangeKind.Moved => "schedule.moved",
                _ => "schedule.removed",
            };
            var link = change.Kind == ScheduleChangeKind.Removed || session.Slug is null ? site.Link("/my/submissions") : site.Link($"/talks/{session.Slug}");
            foreach (var p in people)
            {
                using var language = templates.In(p.Language); // each speaker reads it in their account's language
                var when = $"{ProgramStore.Describe(conference, session.StartsAt)}–{ProgramStore.Clock(conference, session.EndsAt)} ({conference.TimeZoneId})";
                db.OutboundEmails.Add(templates.Compose(kind, p.Email!, p.DisplayName, new Dictionary<string, string>
                {
                    ["speaker_name"] = p.DisplayName ?? p.Email!, ["title"] = session.Title, ["when"] = when,
                    ["room"] = session.RoomName, ["session_link"] = link,
                }, now));
                count++;
            }
        }
        return count;
    }

    /// <summary>
    /// One email to each person (with a confirmed address) who starred sessions this version moves or takes off the
    /// program, listing all of theirs, in their account's language.
    /// </summary>
    private async Task<int> QueueStarrerEmailsAsync(ConferenceEvent conference, IReadOnlyList<ScheduleChange> changes,
        PublishedProgram program, PublishedProgram? previous, DateTime now, CancellationToken ct)
    {
        if (previous is null) return 0;
        var affected = changes.Where(c => c.ProposalId is not null && c.Kind is ScheduleChangeKind.Moved or ScheduleChangeKind.Removed)
            .ToDictionary(c => c.ProposalId!.Value);
        if (affected.Count == 0) return 0;
        var ids = affected.Keys.ToList();
        var stars = (await db.SessionStars.AsNoTracking().Where(s => ids.Contains(s.ProposalId))
            .Select(s => new { s.UserId, s.ProposalId }).ToListAsync(ct)).ToLookup(s => s.UserId, s => s.ProposalId);
        var userIds = stars.Select(g => g.Key).ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Email != null && u.EmailConfirmed)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Language }).ToListAsync(ct);
        var site = siteOptions.CurrentValue;
        foreach (var p in people)
        {
            var theirs = stars[p.Id].Select(id => affected[id].Key).ToHashSet();
            var before = previous.Sessions.Where(s => theirs.Contains(s.Key)).OrderBy(s => s.StartsAt).ThenBy(s => s.RoomName).ToList();
            using var language = templates.In(p.Language);
            var list = new System.Text.StringBuilder("<ul style=\"padding-left:20px\">");
            foreach (var old in before)
            {
                var title = WebUtility.HtmlEncode(old.Title);
                list.Append("<li style=\"margin:0 0 8px\">");
                if (program.Sessions.FirstOrDefault(s => s.Key == old.Key) is { } moved)
                {
                    list.Append(moved.Slug is { } slug ? $"<a href=\"{WebUtility.HtmlEncode(site.Link($"/talks/{slug}"))}\"><strong>{title}</strong></a>" : $"<strong>{title}</strong>");
                    list.Append("<br>").Append(WebUtility.HtmlEncode(EmailText.Get("Now {0} in {1}", When(conference, moved), moved.RoomName)));
                    list.Append(" <span style=\"color:#666\">").Append(WebUtility.HtmlEncode(EmailText.Get("(was {0} in {1})", When(conference, old), old.RoomName))).Append("</span>");
                }
                else
                {
                    list.Append($"<strong>{title}</strong><br>").Append(WebUtility.HtmlEncode(EmailText.Get("No longer on the program (it was {0} in {1}).", When(conference, old), old.RoomName)));
                }
                list.Append("</li>");
            }
            list.Append("</ul><p style=\"color:#666\">").Append(WebUtility.HtmlEncode(EmailText.Get("Times are in the event's time zone, {0}.", conference.TimeZoneId))).Append("</p>");
            db.OutboundEmails.Add(templates.Compose("agenda.changed", p.Email!, p.DisplayName, new Dictionary<string, string>
            {
                ["name"] = p.DisplayName ?? p.Email!, ["changes"] = list.ToString(), ["agenda_link"] = site.Link("/my/agenda"),
            }, now));
        }
        return people.Count;
    }

    /// <summary>A session's day and times in the event's zone, in the current (the recipient's) language.</summary>
    private static string When(ConferenceEvent conference, PublishedSession s) =>
        EmailText.Get("{0:ddd MMM d, h:mm tt}–{1:h:mm tt}", conference.ToLocal(s.StartsAt), conference.ToLocal(s.EndsAt));
}

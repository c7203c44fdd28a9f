using System.Text.Json;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Schedule;

/// <summary>What a published session or item needs on the public pages, frozen at publish time.</summary>
public sealed record PublishedSession(
    string Key,
    int? ProposalId,
    string? Slug,
    string Title,
    ScheduleItemKind Kind,
    string? Track,
    string? Format,
    string? Level,
    string Abstract,
    int? RoomId,
    string RoomName,
    DateTime StartsAt,
    DateTime EndsAt,
    IReadOnlyList<string> SpeakerUserIds,
    int Sequence,
    /// <summary>The language the session is given in; null for items (breaks, registration) and for programs published before talks had one.</summary>
    string? Language = null,
    /// <summary>An item's title in other languages (language → title), as the organizers wrote it; null for sessions.</summary>
    IReadOnlyDictionary<string, string>? TitleTranslations = null)
{
    public bool IsSession => ProposalId is not null;

    /// <summary>The title in the visitor's language (the current UI culture): an item's translation, else the title as written.</summary>
    public string LocalTitle
    {
        get
        {
            if (TitleTranslations is null) return Title;
            for (var c = System.Globalization.CultureInfo.CurrentUICulture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
                if (TitleTranslations.TryGetValue(c.Name, out var title) && !string.IsNullOrWhiteSpace(title)) return title;
            return Title;
        }
    }
    public int Minutes => (int)(EndsAt - StartsAt).TotalMinutes;
}

public sealed record PublishedSpeaker(string UserId, string Slug, string Name, string Company, string Headline);

/// <summary>What the publisher is given for each draft entry that will be published.</summary>
public sealed record ProgramEntry(DraftEntry Entry, string? Track = null, string? Format = null, string? Level = null, string Abstract = "", string? Language = null,
    IReadOnlyDictionary<string, string>? TitleTranslations = null)
{
    public string Key => Entry.ProposalId is { } p ? $"session-{p}" : $"item-{Entry.ItemId}";
}

public sealed record SpeakerInfo(string UserId, string Name, string Company, string Headline);

public enum ScheduleChangeKind { Added, Moved, Changed, Removed }

/// <summary>One line of the changelog; <see cref="Text"/> in the organizer's language on a page, its English in the stored changelog.</summary>
public sealed record ScheduleChange(ScheduleChangeKind Kind, string Key, int? ProposalId, string Title, Problem Text);

/// <summary>
/// A published version of the program. Building one from the draft compares it with the version before: that gives
/// the changelog, the sessions whose speakers are told, and each entry's iCalendar SEQUENCE, which rises whenever the
/// entry's time, room or title changes so calendar apps replace their copy. URLs (slugs) never change once published.
/// </summary>
public sealed class PublishedProgram
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int Version { get; init; }
    public DateTime PublishedAt { get; init; }
    public List<PublishedSession> Sessions { get; init; } = [];
    public List<PublishedSpeaker> Speakers { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static PublishedProgram FromJson(string json) => JsonSerializer.Deserialize<PublishedProgram>(json, Json) ?? new();

    public PublishedSession? Session(string slug) => Sessions.FirstOrDefault(s => s.Slug == slug);
    public PublishedSpeaker? Speaker(string slug) => Speakers.FirstOrDefault(s => s.Slug == slug);
    public PublishedSpeaker? SpeakerById(string userId) => Speakers.FirstOrDefault(s => s.UserId == userId);
    public IEnumerable<PublishedSession> SessionsOf(string userId) => Sessions.Where(s => s.SpeakerUserIds.Contains(userId)).OrderBy(s => s.StartsAt);

    public static (PublishedProgram Program, IReadOnlyList<ScheduleChange> Changes) Build(
        IReadOnlyList<ProgramEntry> entries,
        IReadOnlyList<SpeakerInfo> speakers,
        PublishedProgram? previous,
        int version,
        DateTime now,
        Func<DateTime, DateTime> local)
    {
        var before = previous?.Sessions.ToDictionary(s => s.Key) ?? [];
        var usedSlugs = new HashSet<string>(previous?.Sessions.Where(s => s.Slug is not null).Select(s => s.Slug!) ?? []);
        var changes = new List<ScheduleChange>();
        var sessions = new List<PublishedSession>();

        foreach (var pe in entries.OrderBy(e => e.Entry.StartsAt).ThenBy(e => e.Entry.RoomName).ThenBy(e => e.Entry.ItemId))
        {
            var e = pe.Entry;
            before.TryGetValue(pe.Key, out var old);
            var slug = old?.Slug;
            if (e.ProposalId is not null && slug is null) slug = Unique(Slug.From(e.Title), usedSlugs);
            int sequence;
            if (old is null)
            {
                sequence = 0;
                changes.Add(new(ScheduleChangeKind.Added, pe.Key, e.ProposalId, e.Title, $"Added “{e.Title}” at {local(e.StartsAt):ddd MMM d, h:mm tt}, {e.RoomName}."));
            }
            else if (old.StartsAt != e.StartsAt || old.EndsAt != e.EndsAt || old.RoomName != e.RoomName)
            {
                sequence = old.Sequence + 1;
                changes.Add(new(ScheduleChangeKind.Moved, pe.Key, e.ProposalId, e.Title, $"Moved “{e.Title}” to {local(e.StartsAt):ddd MMM d, h:mm tt}, {e.RoomName}."));
            }
            else if (old.Title != e.Title || !old.SpeakerUserIds.SequenceEqual(e.SpeakerList.Select(s => s.UserId)))
            {
                sequence = old.Sequence + 1;
                changes.Add(new(ScheduleChangeKind.Changed, pe.Key, e.ProposalId, e.Title,
                    old.Title != e.Title ? (Problem)$"Renamed “{old.Title}” to “{e.Title}”." : $"Changed the speakers of “{e.Title}”."));
            }
            else
            {
                sequence = old.Sequence;
            }
            sessions.Add(new(pe.Key, e.ProposalId, slug, e.Title, e.Kind, pe.Track, pe.Format, pe.Level, pe.Abstract,
                e.RoomId, e.RoomName, e.StartsAt, e.EndsAt, e.SpeakerList.Select(s => s.UserId).ToList(), sequence, pe.Language,
                pe.TitleTranslations is { Count: > 0 } t ? t : null));
        }
        var keys = sessions.Select(s => s.Key).ToHashSet();
        foreach (var gone in before.Values.Where(s => !keys.Contains(s.Key)).OrderBy(s => s.StartsAt))
            changes.Add(new(ScheduleChangeKind.Removed, gone.Key, gone.ProposalId, gone.Title, $"Removed “{gone.Title}” ({local(gone.StartsAt):ddd MMM d, h:mm tt}, {gone.RoomName})."));

        var oldSpeakerSlugs = previous?.Speakers.ToDictionary(s => s.UserId, s => s.Slug) ?? [];
        var usedSpeakerSlugs = new HashSet<string>(oldSpeakerSlugs.Values);
        var speaking = sessions.SelectMany(s => s.SpeakerUserIds).ToHashSet();
        var published = speakers.Where(s => speaking.Contains(s.UserId)).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .Select(s => new PublishedSpeaker(s.UserId,
                oldSpeakerSlugs.TryGetValue(s.UserId, out var kept) ? kept : Unique(Slug.From(s.Name), usedSpeakerSlugs),
                s.Name, s.Company, s.Headline))
            .ToList();

        return (new PublishedProgram { Version = version, PublishedAt = now, Sessions = sessions, Speakers = published }, changes);
    }

    private static string Unique(string slug, HashSet<string> used)
    {
        var candidate = slug;
        for (var n = 2; !used.Add(candidate); n++) candidate = $"{slug}-{n}";
        return candidate;
    }
}

namespace AiEngineer.Core.Schedule;

/// <summary>A time range on one day of the event, shared by every room. Times are UTC; pages show them in the event's zone.</summary>
public class TimeSlot
{
    public int Id { get; set; }
    public int ConferenceEventId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    public int Minutes => (int)(EndsAt - StartsAt).TotalMinutes;
    public bool Overlaps(DateTime start, DateTime end) => StartsAt < end && start < EndsAt;
}

public enum ScheduleItemKind
{
    Session,
    Keynote,
    Registration,
    Break,
    Lunch,
    Social,
    Other,
}

/// <summary>
/// One entry of the draft schedule: a confirmed session (<see cref="ProposalId"/>) or a non-talk item such as lunch,
/// in a slot and a room. A null room means every room (a plenary break, registration, lunch).
/// </summary>
public class ScheduleItem : Content.ITranslated
{
    public const int TitleMaxLength = 150;

    public int Id { get; set; }
    public int ConferenceEventId { get; set; }
    public int TimeSlotId { get; set; }
    public TimeSlot Slot { get; set; } = null!;
    public int? RoomId { get; set; }
    public int? ProposalId { get; set; }
    public ScheduleItemKind Kind { get; set; }
    /// <summary>The title of a non-talk item; a session shows its proposal's title.</summary>
    public string Title { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    /// <summary>A non-talk item's title in the other languages (a session's title stays as its speaker wrote it).</summary>
    public Content.Translations Translations { get; set; } = new();

    public bool IsSession => ProposalId is not null;
}

/// <summary>A range in which a speaker can present. A speaker with none stated is available throughout.</summary>
public class SpeakerAvailability
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
}

/// <summary>
/// A published version of the schedule: a frozen copy of what the public pages show, the changelog against the
/// version before, who published it and when. Versions are only ever added.
/// </summary>
public class ScheduleVersion
{
    public const int NoteMaxLength = 500;

    public int Id { get; set; }
    public int ConferenceEventId { get; set; }
    public int Number { get; set; }
    public DateTime PublishedAt { get; set; }
    public string PublishedByUserId { get; set; } = "";
    public string Note { get; set; } = "";
    /// <summary>One change per line, e.g. "Moved “Agents that recover” to Wed Dec 9, 14:00, Room B".</summary>
    public string Changelog { get; set; } = "";
    /// <summary>The <see cref="PublishedProgram"/> as JSON.</summary>
    public string Snapshot { get; set; } = "";
}

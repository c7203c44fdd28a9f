namespace AiEngineer.Core.Email;

/// <summary>Who a broadcast goes to.</summary>
public enum Segment
{
    /// <summary>Everyone holding a valid ticket of any kind.</summary>
    AllAttendees = 0,
    InPersonAttendees = 1,
    RemoteAttendees = 2,
    /// <summary>Every speaker on a confirmed session.</summary>
    ConfirmedSpeakers = 3,
    /// <summary>The contact of every sponsorship that is approved or paid.</summary>
    SponsorContacts = 4,
}

/// <summary>One message an organizer wrote to a segment; each recipient gets an outbox row pointing back here.</summary>
public class Broadcast
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 20000;
    /// <summary>The most a broadcast may go to at once: a guard against a runaway segment, far above the summit's size.</summary>
    public const int MaxRecipients = 50000;

    public int Id { get; set; }
    /// <summary>From the compose form: a second submit of the same form finds this and sends nothing more.</summary>
    public Guid Key { get; set; }
    public Segment Segment { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public int RecipientCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedByUserId { get; set; } = "";
    /// <summary>When the last message is due: the send rate spreads the rows out until then.</summary>
    public DateTime LastDueAt { get; set; }

    public static string Describe(Segment segment) => segment switch
    {
        Segment.AllAttendees => "All attendees",
        Segment.InPersonAttendees => "In-person attendees",
        Segment.RemoteAttendees => "Remote attendees",
        Segment.ConfirmedSpeakers => "Confirmed speakers",
        _ => "Sponsor contacts",
    };

    /// <summary>When the message to recipient number <paramref name="index"/> (from 0) is due, at <paramref name="perMinute"/> a minute.</summary>
    public static DateTime DueAt(DateTime start, int index, int perMinute) =>
        start + TimeSpan.FromTicks(TimeSpan.TicksPerMinute * index / Math.Max(1, perMinute));
}

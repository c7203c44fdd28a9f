using AiEngineer.Core.Schedule;

namespace AiEngineer.Core.Agenda;

/// <summary>
/// A person's star on a published session, one per account and session. It keeps the time and room the session had
/// when it was starred, so the agenda can say which sessions moved since (and, later, whom to tell when one moves).
/// </summary>
public sealed class SessionStar
{
    public string UserId { get; private set; } = "";
    public int ProposalId { get; private set; }
    public DateTime StarredAt { get; private set; }
    public DateTime StarredStartsAt { get; private set; }
    public DateTime StarredEndsAt { get; private set; }
    public string StarredRoom { get; private set; } = "";

    private SessionStar() { }

    /// <summary>A star on a session of the published program; items (breaks, registration) have no proposal and cannot be starred.</summary>
    public static SessionStar On(string userId, PublishedSession session, DateTime now)
    {
        if (session.ProposalId is not { } proposalId) throw new ArgumentException("Only sessions can be starred.", nameof(session));
        return new SessionStar
        {
            UserId = userId,
            ProposalId = proposalId,
            StarredAt = now,
            StarredStartsAt = session.StartsAt,
            StarredEndsAt = session.EndsAt,
            StarredRoom = Truncate(session.RoomName),
        };
    }

    /// <summary>Whether the published session is no longer where and when it was starred.</summary>
    public bool MovedIn(PublishedSession now) =>
        now.StartsAt != StarredStartsAt || now.EndsAt != StarredEndsAt || now.RoomName != StarredRoom;

    /// <summary>The person has seen that the session moved: its current time and room become the ones remembered.</summary>
    public void Acknowledge(PublishedSession now)
    {
        StarredStartsAt = now.StartsAt;
        StarredEndsAt = now.EndsAt;
        StarredRoom = Truncate(now.RoomName);
    }

    private static string Truncate(string room) => room.Length <= Conference.Room.NameMaxLength ? room : room[..Conference.Room.NameMaxLength];
}

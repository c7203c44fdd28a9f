using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Schedule;

/// <summary>One placed entry as the checker and the publisher see it.</summary>
public sealed record DraftEntry(
    int ItemId,
    string Title,
    ScheduleItemKind Kind,
    int? RoomId,
    string RoomName,
    DateTime StartsAt,
    DateTime EndsAt,
    int? ProposalId = null,
    int? DurationMinutes = null,
    IReadOnlyList<DraftSpeaker>? Speakers = null,
    bool Confirmed = true)
{
    public IReadOnlyList<DraftSpeaker> SpeakerList => Speakers ?? [];
    public bool Overlaps(DraftEntry other) => StartsAt < other.EndsAt && other.StartsAt < EndsAt;
}

public sealed record DraftSpeaker(string UserId, string Name);

public enum ScheduleWarningKind
{
    SpeakerDoubleBooked,
    LongerThanSlot,
    RoomDoubleBooked,
    OutsideAvailability,
    NotConfirmed,
    RoomTooSmall,
}

public sealed record ScheduleWarning(ScheduleWarningKind Kind, Problem Message, IReadOnlyList<int> ItemIds);

/// <summary>
/// The problems an organizer should see before publishing. They warn and do not block: an organizer may know that a
/// speaker will run from one room to the next. Sessions that are no longer confirmed are the exception: they are left
/// out of the published version. <paramref name="local"/> turns an instant into the event's local time, for the messages.
/// <paramref name="stars"/> (people who starred each proposal) and <paramref name="seats"/> (each room's capacity; 0 is
/// unknown) warn when a session is starred by more people than its room seats.
/// </summary>
public static class ScheduleChecker
{
    public static IReadOnlyList<ScheduleWarning> Check(
        IReadOnlyList<DraftEntry> entries,
        IReadOnlyDictionary<string, IReadOnlyList<(DateTime Start, DateTime End)>> availability,
        Func<DateTime, DateTime> local,
        IReadOnlyDictionary<int, int>? stars = null,
        IReadOnlyDictionary<int, int>? seats = null)
    {
        var warnings = new List<ScheduleWarning>();
        var ordered = entries.OrderBy(e => e.StartsAt).ThenBy(e => e.ItemId).ToList();

        for (var i = 0; i < ordered.Count; i++)
        {
            var a = ordered[i];
            for (var j = i + 1; j < ordered.Count && ordered[j].StartsAt < a.EndsAt; j++)
            {
                var b = ordered[j];
                if (!a.Overlaps(b)) continue;
                // A null room is every room: a plenary item clashes with anything placed in a room at the same time.
                if (a.RoomId == b.RoomId || a.RoomId is null || b.RoomId is null)
                {
                    var room = a.RoomId is null ? b.RoomName : a.RoomName;
                    warnings.Add(new(ScheduleWarningKind.RoomDoubleBooked,
                        $"{room} is double-booked at {local(b.StartsAt):ddd MMM d, h:mm tt}: “{a.Title}” and “{b.Title}”.", [a.ItemId, b.ItemId]));
                }
                foreach (var s in a.SpeakerList.Where(s => b.SpeakerList.Any(o => o.UserId == s.UserId)))
                    warnings.Add(new(ScheduleWarningKind.SpeakerDoubleBooked,
                        $"{s.Name} is in two places at {local(b.StartsAt):ddd MMM d, h:mm tt}: “{a.Title}” ({a.RoomName}) and “{b.Title}” ({b.RoomName}).", [a.ItemId, b.ItemId]));
            }
        }

        foreach (var e in ordered)
        {
            var slot = (int)(e.EndsAt - e.StartsAt).TotalMinutes;
            if (e.DurationMinutes is { } d && d > slot)
                warnings.Add(new(ScheduleWarningKind.LongerThanSlot,
                    $"“{e.Title}” runs {d} minutes but its slot at {local(e.StartsAt):ddd MMM d, h:mm tt} is {slot} minutes.", [e.ItemId]));
            if (e.ProposalId is not null && !e.Confirmed)
                warnings.Add(new(ScheduleWarningKind.NotConfirmed,
                    $"“{e.Title}” is no longer confirmed by its speaker; it is left out when you publish.", [e.ItemId]));
            if (e is { ProposalId: { } pid, RoomId: { } rid } && stars?.GetValueOrDefault(pid) is > 0 and var n
                && seats?.GetValueOrDefault(rid) is > 0 and var cap && n > cap)
                warnings.Add(new(ScheduleWarningKind.RoomTooSmall,
                    $"“{e.Title}” is starred by {n} people, more than the {cap} seats in {e.RoomName}.", [e.ItemId]));
            foreach (var s in e.SpeakerList)
            {
                if (!availability.TryGetValue(s.UserId, out var ranges) || ranges.Count == 0) continue;
                if (!ranges.Any(r => r.Start <= e.StartsAt && e.EndsAt <= r.End))
                    warnings.Add(new(ScheduleWarningKind.OutsideAvailability,
                        $"“{e.Title}” at {local(e.StartsAt):ddd MMM d, h:mm tt} is outside the times {s.Name} said they are available.", [e.ItemId]));
            }
        }
        return warnings;
    }
}

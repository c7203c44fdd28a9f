using AiEngineer.Core.Schedule;

namespace AiEngineer.Core.Tests.Schedule;

public class ScheduleCheckerTests
{
    private static readonly DateTime Nine = new(2026, 12, 9, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DraftSpeaker Priya = new("u-priya", "Priya Patel");
    private static readonly DraftSpeaker Diego = new("u-diego", "Diego Alvarez");
    private static readonly Dictionary<string, IReadOnlyList<(DateTime, DateTime)>> NoAvailability = [];

    private static DraftEntry Talk(int id, int room, DateTime start, int slotMinutes, DraftSpeaker speaker, int talkMinutes = 25, bool confirmed = true) =>
        new(id, $"Talk {id}", ScheduleItemKind.Session, room, $"Room {room}", start, start.AddMinutes(slotMinutes), 100 + id, talkMinutes, [speaker], confirmed);

    private static IReadOnlyList<ScheduleWarning> Check(IReadOnlyList<DraftEntry> entries, Dictionary<string, IReadOnlyList<(DateTime, DateTime)>>? availability = null) =>
        ScheduleChecker.Check(entries, availability ?? NoAvailability, t => t);

    [Fact]
    public void A_clean_schedule_has_no_warnings()
    {
        var warnings = Check([Talk(1, 1, Nine, 30, Priya), Talk(2, 2, Nine, 30, Diego), Talk(3, 1, Nine.AddMinutes(30), 30, Diego)]);
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_session_starred_by_more_people_than_its_room_seats_is_warned()
    {
        // Talk 1 (proposal 101) in room 1 with 40 seats; talk 2 (proposal 102) in room 2, whose capacity is unknown (0).
        var entries = new[] { Talk(1, 1, Nine, 30, Priya), Talk(2, 2, Nine, 30, Diego) };
        var seats = new Dictionary<int, int> { [1] = 40, [2] = 0 };
        Assert.Empty(ScheduleChecker.Check(entries, NoAvailability, t => t, new Dictionary<int, int> { [101] = 40, [102] = 500 }, seats));
        var w = Assert.Single(ScheduleChecker.Check(entries, NoAvailability, t => t, new Dictionary<int, int> { [101] = 41 }, seats));
        Assert.Equal(ScheduleWarningKind.RoomTooSmall, w.Kind);
        Assert.Equal("“Talk 1” is starred by 41 people, more than the 40 seats in Room 1.", w.Message.English);
        Assert.Equal([1], w.ItemIds);
    }

    [Fact]
    public void A_speaker_in_two_rooms_at_once_is_warned()
    {
        var warnings = Check([Talk(1, 1, Nine, 30, Priya), Talk(2, 2, Nine.AddMinutes(15), 30, Priya)]);
        var w = Assert.Single(warnings);
        Assert.Equal(ScheduleWarningKind.SpeakerDoubleBooked, w.Kind);
        Assert.Contains("Priya Patel", w.Message.English);
        Assert.Equal([1, 2], w.ItemIds);
    }

    [Fact]
    public void A_session_longer_than_its_slot_is_warned()
    {
        var w = Assert.Single(Check([Talk(1, 1, Nine, 20, Priya, talkMinutes: 25)]));
        Assert.Equal(ScheduleWarningKind.LongerThanSlot, w.Kind);
        Assert.Contains("25 minutes", w.Message.English);
        Assert.Contains("20 minutes", w.Message.English);
    }

    [Fact]
    public void Two_entries_in_one_room_at_once_are_a_double_booking_and_a_plenary_item_clashes_with_every_room()
    {
        var w = Assert.Single(Check([Talk(1, 1, Nine, 30, Priya), Talk(2, 1, Nine, 30, Diego)]));
        Assert.Equal(ScheduleWarningKind.RoomDoubleBooked, w.Kind);

        var lunch = new DraftEntry(9, "Lunch", ScheduleItemKind.Lunch, null, "All rooms", Nine.AddMinutes(20), Nine.AddMinutes(80));
        var clash = Assert.Single(Check([Talk(1, 2, Nine, 30, Priya), lunch]));
        Assert.Equal(ScheduleWarningKind.RoomDoubleBooked, clash.Kind);
        Assert.Contains("Room 2", clash.Message.English);
    }

    [Fact]
    public void Back_to_back_entries_do_not_overlap()
    {
        Assert.Empty(Check([Talk(1, 1, Nine, 30, Priya), Talk(2, 1, Nine.AddMinutes(30), 30, Priya)]));
    }

    [Fact]
    public void A_session_outside_the_speakers_availability_is_warned_and_one_inside_is_not()
    {
        var availability = new Dictionary<string, IReadOnlyList<(DateTime, DateTime)>>
        {
            [Priya.UserId] = [(Nine.AddHours(2), Nine.AddHours(6))],
        };
        var w = Assert.Single(Check([Talk(1, 1, Nine, 30, Priya)], availability));
        Assert.Equal(ScheduleWarningKind.OutsideAvailability, w.Kind);
        Assert.Contains("Priya Patel", w.Message.English);

        Assert.Empty(Check([Talk(1, 1, Nine.AddHours(3), 30, Priya)], availability));
        // Half inside is still outside.
        Assert.Single(Check([Talk(1, 1, Nine.AddHours(6).AddMinutes(-15), 30, Priya)], availability));
        // A speaker who stated nothing is available throughout.
        Assert.Empty(Check([Talk(1, 1, Nine, 30, Diego)], availability));
    }

    [Fact]
    public void A_placed_session_that_is_no_longer_confirmed_is_warned()
    {
        var w = Assert.Single(Check([Talk(1, 1, Nine, 30, Priya, confirmed: false)]));
        Assert.Equal(ScheduleWarningKind.NotConfirmed, w.Kind);
    }
}

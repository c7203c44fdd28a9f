using AiEngineer.Core.Tickets;

namespace AiEngineer.Core.Tests.Tickets;

public class WaitingRoomTests
{
    private static readonly DateTime Now = new DateTime(2030, 3, 4, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Admissions_due_are_the_time_since_the_clock_at_the_rooms_pace_with_the_clock_advanced_by_what_they_use()
    {
        var room = new WaitingRoom { Enabled = true, AdmitPerMinute = 120, AdmitClock = Now.AddSeconds(-1.75) };
        var (count, clock) = room.AdmissionsDue(Now);
        Assert.Equal(3, count); // 1.75 s at 2 a second
        Assert.Equal(Now.AddSeconds(-0.25), clock); // the quarter second left over counts towards the next
        Assert.Equal(0.5, room.SecondsPerPlace);
    }

    [Fact]
    public void A_quiet_spell_banks_at_most_the_burst_and_a_clock_ahead_admits_nobody()
    {
        var room = new WaitingRoom { Enabled = true, AdmitPerMinute = 60, AdmitClock = Now.AddHours(-1) };
        Assert.Equal((5, Now), room.AdmissionsDue(Now));
        room.AdmitClock = Now.AddSeconds(3);
        Assert.Equal(0, room.AdmissionsDue(Now).Count);
    }

    [Fact]
    public void The_room_is_on_by_the_organizers_switch_or_until_its_automatic_hold_ends()
    {
        var room = new WaitingRoom();
        Assert.False(room.IsOnAt(Now));
        room.AutoOnUntil = Now.AddMinutes(1);
        Assert.True(room.IsOnAt(Now));
        Assert.True(room.IsAutoOnAt(Now));
        Assert.False(room.IsOnAt(Now.AddMinutes(1)));
        room.Enabled = true;
        Assert.True(room.IsOnAt(Now.AddMinutes(2)));
        Assert.False(room.IsAutoOnAt(Now));
    }

    [Theory]
    [InlineData(0, 10, 0, "Admissions per minute must be between 1 and 100,000.")]
    [InlineData(60, 0, 0, "A pass must last between 1 and 120 minutes.")]
    [InlineData(60, 121, 0, "A pass must last between 1 and 120 minutes.")]
    [InlineData(60, 10, -1, "The automatic threshold must be between 0 (never) and 100,000 waiting requests.")]
    public void Settings_out_of_range_are_refused(int perMinute, int passMinutes, int threshold, string problem)
    {
        var room = new WaitingRoom { AdmitPerMinute = perMinute, PassMinutes = passMinutes, AutoQueueThreshold = threshold };
        Assert.Equal(problem, Assert.Single(room.Validate()).English);
        Assert.Empty(new WaitingRoom().Validate());
    }
}

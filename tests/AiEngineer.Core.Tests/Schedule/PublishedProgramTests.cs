using AiEngineer.Core.Schedule;

namespace AiEngineer.Core.Tests.Schedule;

public class PublishedProgramTests
{
    private static readonly DateTime Nine = new(2026, 12, 9, 17, 0, 0, DateTimeKind.Utc);
    private static readonly SpeakerInfo Priya = new("u-priya", "Priya Patel", "Vectorworks", "Engineer");
    private static readonly SpeakerInfo Priya2 = new("u-priya-2", "Priya Patel", "Other", "Engineer");

    private static ProgramEntry Talk(int proposalId, string title, DateTime start, string room = "Main Stage", string userId = "u-priya") =>
        new(new DraftEntry(proposalId * 10, title, ScheduleItemKind.Session, room == "Main Stage" ? 1 : 2, room, start, start.AddMinutes(30),
            proposalId, 25, [new DraftSpeaker(userId, "Priya Patel")]), "AI Agents", "Talk", "Intermediate", "Abstract");

    private static (PublishedProgram, IReadOnlyList<ScheduleChange>) Build(IReadOnlyList<ProgramEntry> entries, PublishedProgram? previous = null) =>
        PublishedProgram.Build(entries, [Priya, Priya2], previous, (previous?.Version ?? 0) + 1, Nine.AddDays(-5), t => t);

    [Fact]
    public void The_first_version_adds_every_entry_with_slugs_and_sequence_zero()
    {
        var (program, changes) = Build([Talk(1, "Agents in production", Nine), Talk(2, "Agents in production", Nine.AddHours(1))]);
        Assert.Equal(1, program.Version);
        Assert.All(changes, c => Assert.Equal(ScheduleChangeKind.Added, c.Kind));
        Assert.Equal(["agents-in-production", "agents-in-production-2"], program.Sessions.Select(s => s.Slug));
        Assert.All(program.Sessions, s => Assert.Equal(0, s.Sequence));
        Assert.Equal("priya-patel", Assert.Single(program.Speakers).Slug);
    }

    [Fact]
    public void A_move_is_in_the_changelog_raises_the_sequence_and_keeps_the_slug()
    {
        var (v1, _) = Build([Talk(1, "Agents in production", Nine), Talk(2, "Evals", Nine.AddHours(1))]);
        var (v2, changes) = Build([Talk(1, "Agents in production", Nine.AddHours(2), "Room B"), Talk(2, "Evals", Nine.AddHours(1))], v1);

        var change = Assert.Single(changes);
        Assert.Equal(ScheduleChangeKind.Moved, change.Kind);
        Assert.Equal("Moved “Agents in production” to Wed Dec 9, 7:00 PM, Room B.", change.Text.English);
        Assert.Equal("Moved “{0}” to {1:ddd MMM d, h:mm tt}, {2}.", change.Text.Format);
        var moved = v2.Sessions.Single(s => s.ProposalId == 1);
        Assert.Equal(1, moved.Sequence);
        Assert.Equal("agents-in-production", moved.Slug);
        Assert.Equal(0, v2.Sessions.Single(s => s.ProposalId == 2).Sequence);
        Assert.Equal(2, v2.Version);
    }

    [Fact]
    public void Removed_and_renamed_entries_are_in_the_changelog()
    {
        var (v1, _) = Build([Talk(1, "Agents in production", Nine), Talk(2, "Evals", Nine.AddHours(1))]);
        var (v2, changes) = Build([Talk(1, "Agents in production, a year later", Nine)], v1);
        Assert.Contains(changes, c => c.Kind == ScheduleChangeKind.Removed && c.ProposalId == 2);
        var renamed = Assert.Single(changes, c => c.Kind == ScheduleChangeKind.Changed);
        Assert.Equal(1, v2.Sessions.Single().Sequence);
        Assert.Equal("agents-in-production", v2.Sessions.Single().Slug);
        Assert.Contains("Renamed", renamed.Text.English);
    }

    [Fact]
    public void Nothing_changed_gives_no_changes_and_two_speakers_with_one_name_get_distinct_slugs()
    {
        var entries = new[] { Talk(1, "A", Nine), Talk(2, "B", Nine.AddHours(1), userId: "u-priya-2") };
        var (v1, _) = Build(entries);
        var (_, changes) = Build(entries, v1);
        Assert.Empty(changes);
        Assert.Equal(["priya-patel", "priya-patel-2"], v1.Speakers.Select(s => s.Slug).Order());
    }

    [Fact]
    public void The_snapshot_survives_a_round_trip_through_json()
    {
        var (v1, _) = Build([Talk(1, "Agents in production", Nine)]);
        var back = PublishedProgram.FromJson(v1.ToJson());
        Assert.Equal(v1.Sessions.Single(), back.Sessions.Single() with { SpeakerUserIds = v1.Sessions.Single().SpeakerUserIds });
        Assert.Equal(["u-priya"], back.Sessions.Single().SpeakerUserIds);
        Assert.Equal(v1.Speakers, back.Speakers);
    }
}

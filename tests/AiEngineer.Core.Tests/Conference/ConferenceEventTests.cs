using AiEngineer.Core.Conference;

namespace AiEngineer.Core.Tests.Conference;

public class ConferenceEventTests
{
    private static ConferenceEvent Summit() => new()
    {
        Name = "AI Engineer Summit",
        TimeZoneId = "America/Los_Angeles",
        StartDate = new DateOnly(2026, 12, 9),
        EndDate = new DateOnly(2026, 12, 11),
    };

    [Fact]
    public void Wall_clock_times_convert_through_the_event_time_zone()
    {
        var c = Summit();
        var utc = c.ToUtc(new DateOnly(2026, 12, 9), new TimeOnly(9, 0));
        Assert.Equal(new DateTime(2026, 12, 9, 17, 0, 0, DateTimeKind.Utc), utc); // PST is UTC-8 in December
        Assert.Equal(new DateTime(2026, 12, 9, 9, 0, 0), c.ToLocal(utc));
    }

    [Fact]
    public void Daylight_saving_time_is_respected()
    {
        var c = Summit();
        Assert.Equal(new DateTime(2026, 6, 1, 16, 0, 0, DateTimeKind.Utc), c.ToUtc(new DateOnly(2026, 6, 1), new TimeOnly(9, 0)));
    }

    [Fact]
    public void A_valid_record_has_no_problems_and_counts_its_days()
    {
        var c = Summit();
        Assert.Empty(c.Validate());
        Assert.Equal(3, c.DayCount);
    }

    [Fact]
    public void An_end_before_the_start_an_unknown_zone_and_a_missing_name_are_reported()
    {
        var c = Summit();
        c.Name = " ";
        c.EndDate = c.StartDate.AddDays(-1);
        c.TimeZoneId = "Mars/Olympus_Mons";
        var problems = c.Validate();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.English.Contains("end date"));
        Assert.Contains(problems, p => p.English.Contains("time zone"));
    }

    [Theory]
    [InlineData("AI UX", "ai-ux")]
    [InlineData("LLM Tooling (chains, retrieval)", "llm-tooling-chains-retrieval")]
    [InlineData("  Café — Déjà vu!  ", "cafe-deja-vu")]
    [InlineData("!!!", "item")]
    public void Slugs_are_lower_case_ascii_with_single_dashes(string text, string slug) =>
        Assert.Equal(slug, Slug.From(text));
}

using System.Globalization;

namespace AiEngineer.Web.Tests.Infrastructure;

/// <summary>
/// Where every test host's fake clock starts: the real now, moved by <c>AIE_TEST_CLOCK_SHIFT_DAYS</c> days when it is set.
/// CI runs the integration tests once more with the clock a year ahead, so a test that holds the wall clock against a
/// fixed date (or reads <see cref="DateTime.UtcNow"/> where it means the site's now) fails on the day it is written.
/// </summary>
public static class TestClock
{
    public const string ShiftVariable = "AIE_TEST_CLOCK_SHIFT_DAYS";

    public static TimeSpan Shift { get; } =
        double.TryParse(Environment.GetEnvironmentVariable(ShiftVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var days)
            ? TimeSpan.FromDays(days)
            : TimeSpan.Zero;

    /// <summary>The instant a new site's clock starts at.</summary>
    public static DateTimeOffset Start() => DateTimeOffset.UtcNow + Shift;
}

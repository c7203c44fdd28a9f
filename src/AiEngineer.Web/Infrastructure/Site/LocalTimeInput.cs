using AiEngineer.Core.Conference;
using AiEngineer.Core.Messages;
using AiEngineer.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>Times organizers type in forms are wall-clock times in the event's zone; the database keeps UTC.</summary>
public static class LocalTimeInput
{
    /// <summary>
    /// The UTC instant of <paramref name="local"/> in the conference's zone. A time that does not exist there (the clocks
    /// jump forward) adds a model error under <paramref name="key"/>, in the visitor's language, and gives null. Without a
    /// conference record, the time is taken as UTC.
    /// </summary>
    public static DateTime? ToUtc(this ModelStateDictionary modelState, ConferenceEvent? conference, DateTime? local, string key, RuleMessages rules)
    {
        if (local is null) return null;
        var unspecified = DateTime.SpecifyKind(local.Value, DateTimeKind.Unspecified);
        if (conference is null) return DateTime.SpecifyKind(unspecified, DateTimeKind.Utc);
        if (conference.TimeZone.IsInvalidTime(unspecified))
        {
            modelState.AddModelError(key, rules[DoesNotExist(unspecified, conference.TimeZoneId)]);
            return null;
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, conference.TimeZone);
    }

    private static Problem DoesNotExist(DateTime local, string zone) => $"{local:MMM d, h:mm tt} does not exist in {zone} (the clocks change then).";
}

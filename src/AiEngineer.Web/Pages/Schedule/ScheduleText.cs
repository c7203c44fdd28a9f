namespace AiEngineer.Web.Pages.Schedule;

/// <summary>
/// The public program's strings (/schedule, talk pages; <c>ScheduleText.resx</c>, English keys; <c>ScheduleText.zh-Hans.resx</c>).
/// Views get it as <c>T</c>. The clock and day patterns here are for display only: what is stored or emailed (changelogs,
/// speaker mail) keeps <see cref="ProgramStore.Clock"/>'s fixed English.
/// </summary>
public sealed class ScheduleText;

public static class ScheduleNames
{
    /// <summary>A published session's room in the visitor's language ("All rooms" included).</summary>
    public static string Room(this Microsoft.Extensions.Localization.IStringLocalizer<ScheduleText> t, Core.Conference.ConferenceEvent c, string room) =>
        room == Core.Conference.ConferenceEvent.AllRooms ? t["All rooms"] : c.LocalRoom(room);
}

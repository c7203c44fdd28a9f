namespace AiEngineer.Web.Pages.Schedule;

/// <summary>
/// The public program's strings (/schedule, talk pages; <c>ScheduleText.resx</c>, English keys; <c>ScheduleText.zh-Hans.resx</c>).
/// Views get it as <c>T</c>. The clock and day patterns here are for display only: what is stored or emailed (changelogs,
/// speaker mail) keeps <see cref="ProgramStore.Clock"/>'s fixed English.
/// </summary>
public sealed class ScheduleText;

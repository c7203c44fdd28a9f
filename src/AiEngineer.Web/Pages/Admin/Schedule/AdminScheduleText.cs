namespace AiEngineer.Web.Pages.Admin.Schedule;

/// <summary>The schedule pages' form strings: the rooms and time slots page (Setup), and the field names and validation messages of the draft schedule's forms (<c>AdminScheduleText.resx</c>, English keys; <c>AdminScheduleText.zh-Hans.resx</c>). Views get it as <c>T</c>; page models in this namespace use it for validation.</summary>
public sealed class AdminScheduleText;

namespace AiEngineer.Web.Pages.Checkin;

/// <summary>The door's strings (<c>CheckinText.resx</c>, English keys; <c>CheckinText.zh-Hans.resx</c>). Views get it as <c>T</c>.</summary>
public sealed class CheckinText;

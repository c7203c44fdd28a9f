namespace AiEngineer.Web.Pages.Speakers;

/// <summary>The speakers pages' strings (<c>SpeakersText.resx</c>, English keys; <c>SpeakersText.zh-Hans.resx</c>). Views get it as <c>T</c>.</summary>
public sealed class SpeakersText;

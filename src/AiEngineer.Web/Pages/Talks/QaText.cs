namespace AiEngineer.Web.Pages.Talks;

/// <summary>The talks' Q&amp;A pages (<c>QaText.resx</c>, English keys; <c>QaText.zh-Hans.resx</c>).</summary>
public sealed class QaText;

namespace AiEngineer.Web.Pages.Sponsors;

/// <summary>The sponsors pages' strings (<c>SponsorsText.resx</c>, English keys; <c>SponsorsText.zh-Hans.resx</c>). Views get it as <c>T</c>.</summary>
public sealed class SponsorsText;

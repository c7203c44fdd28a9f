namespace AiEngineer.Web.Pages.Admin.Sponsors;

/// <summary>The sponsor pipeline pages' strings (<c>AdminSponsorsText.resx</c>, English keys; <c>AdminSponsorsText.zh-Hans.resx</c>). Views get it as <c>T</c>.</summary>
public sealed class AdminSponsorsText;

namespace AiEngineer.Web.Pages.Shared;

/// <summary>
/// The strings every page shares (header, footer, account menu) and the home page's: <c>SiteText.resx</c> holds the
/// English (the keys are the English text), <c>SiteText.zh-Hans.resx</c> the Simplified Chinese. Views get it as <c>S</c>.
/// </summary>
public sealed class SiteText;

namespace AiEngineer.Web.Pages.Admin.Settings;

/// <summary>The conference settings page's strings (<c>AdminSettingsText.resx</c>, English keys; <c>AdminSettingsText.zh-Hans.resx</c>). Views get it as <c>T</c>; page models in this namespace use it for validation.</summary>
public sealed class AdminSettingsText;

namespace AiEngineer.Web.Pages.Admin.Cfp;

/// <summary>The call for papers settings page's strings (dates and guidance, session formats, tracks, access codes) (<c>AdminCfpText.resx</c>, English keys; <c>AdminCfpText.zh-Hans.resx</c>). Views get it as <c>T</c>; page models in this namespace use it for validation.</summary>
public sealed class AdminCfpText;

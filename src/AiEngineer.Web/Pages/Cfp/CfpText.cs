namespace AiEngineer.Web.Pages.Cfp;

/// <summary>The call-for-papers pages' strings (<c>CfpText.resx</c>, English keys; <c>CfpText.zh-Hans.resx</c>). Views get it as <c>T</c>.</summary>
public sealed class CfpText;

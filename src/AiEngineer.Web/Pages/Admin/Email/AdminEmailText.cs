namespace AiEngineer.Web.Pages.Admin.Email;

/// <summary>The outbox and segment email pages' strings (<c>AdminEmailText.resx</c>, English keys; <c>AdminEmailText.zh-Hans.resx</c>). Views get it as <c>T</c>.</summary>
public sealed class AdminEmailText;

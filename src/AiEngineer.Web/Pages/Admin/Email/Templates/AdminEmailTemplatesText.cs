namespace AiEngineer.Web.Pages.Admin.Email.Templates;

/// <summary>The email template pages' strings, including the names, groups, "sent when" texts and placeholder descriptions of EmailCatalog's kinds (their English is the key) (<c>AdminEmailTemplatesText.resx</c>, English keys; <c>AdminEmailTemplatesText.zh-Hans.resx</c>). Views get it as <c>T</c>; page models in this namespace use it for validation.</summary>
public sealed class AdminEmailTemplatesText;

namespace AiEngineer.Web.Pages.Admin.Tickets;

/// <summary>The ticket type pages' strings (<c>AdminTicketsText.resx</c>, English keys; <c>AdminTicketsText.zh-Hans.resx</c>). Views get it as <c>T</c>; page models in this namespace use it for validation.</summary>
public sealed class AdminTicketsText;

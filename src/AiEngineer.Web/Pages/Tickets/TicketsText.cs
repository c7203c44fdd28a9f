namespace AiEngineer.Web.Pages.Tickets;

/// <summary>The ticket pages' strings (<c>TicketsText.resx</c>, English keys; <c>TicketsText.zh-Hans.resx</c>). Views get it as <c>T</c>.</summary>
public sealed class TicketsText;

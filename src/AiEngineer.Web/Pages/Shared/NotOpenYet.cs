namespace AiEngineer.Web.Pages;

/// <summary>What a public page says before its part of the summit has opened (sales, the call, the program).</summary>
public sealed record NotOpenYet(string Eyebrow, string Title, string Message, string? LinkText = null, string LinkHref = "/");

namespace AiEngineer.Web.Pages.Live;

/// <summary>The live pages' strings (<c>LiveText.resx</c>, English keys; <c>LiveText.zh-Hans.resx</c>). Views get it as <c>T</c>.</summary>
public sealed class LiveText;

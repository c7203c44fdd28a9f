namespace AiEngineer.Web.Pages.My;

/// <summary>The strings of "My summit" and everything under it (<c>MyText.resx</c>, English keys; <c>MyText.zh-Hans.resx</c>):
/// tickets, data, availability, speaker profile, sponsor portal, submissions. Views get it as <c>T</c>; the page models of
/// the sub-folders' namespaces (Pages.My.Profile…) find it for their validation messages.</summary>
public sealed class MyText;

namespace AiEngineer.Web.Pages.Review;

/// <summary>The reviewers' pages' strings (<c>ReviewText.resx</c>, English keys; <c>ReviewText.zh-Hans.resx</c>). Views get it as <c>T</c>.</summary>
public sealed class ReviewText;

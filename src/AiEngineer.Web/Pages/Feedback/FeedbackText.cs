namespace AiEngineer.Web.Pages.Feedback;

/// <summary>Session feedback: the rating form, the speakers' view and the organizers' (<c>FeedbackText.resx</c>, English keys; <c>FeedbackText.zh-Hans.resx</c>).</summary>
public sealed class FeedbackText;

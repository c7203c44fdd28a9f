using System.Net;
using Microsoft.AspNetCore.Mvc;

namespace AiEngineer.Web.Infrastructure.Email;

/// <summary>
/// An email as a document for a sandboxed preview frame: no script runs and nothing but images is fetched. A subject
/// line (and the problems that stop it being saved or sent, if any) sit above the message, under <paramref name="labels"/>
/// in the organizer's language (English when none are given).
/// </summary>
public static class EmailPreview
{
    public const string Policy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; frame-ancestors 'self'; sandbox";

    public static ContentResult Document(HttpResponse response, string? subject, string html, IReadOnlyList<string> problems, Labels? labels = null)
    {
        labels ??= new("This cannot be saved or sent yet:", "Subject:");
        var notice = problems.Count == 0 ? ""
            : $"<div style=\"background:#fde8e8;color:#8a1c1c;padding:12px 24px;font:14px sans-serif\"><strong>{WebUtility.HtmlEncode(labels.Problems)}</strong><ul>" +
              string.Concat(problems.Select(p => $"<li>{WebUtility.HtmlEncode(p)}</li>")) + "</ul></div>";
        var bar = subject is null ? ""
            : $"<div style=\"background:#fff;border-bottom:1px solid #e3e5ef;padding:10px 24px;font:14px sans-serif\"><strong>{WebUtility.HtmlEncode(labels.Subject)}</strong> {WebUtility.HtmlEncode(subject)}</div>";
        var bodyStart = html.IndexOf("<body", StringComparison.Ordinal) is var at and >= 0 ? html.IndexOf('>', at) + 1 : 0;
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers.XFrameOptions = "SAMEORIGIN";
        return new ContentResult { Content = html[..bodyStart] + notice + bar + html[bodyStart..], ContentType = "text/html; charset=utf-8" };
    }

    /// <summary>The words above the message: the problems' heading and the subject's label.</summary>
    public sealed record Labels(string Problems, string Subject);
}

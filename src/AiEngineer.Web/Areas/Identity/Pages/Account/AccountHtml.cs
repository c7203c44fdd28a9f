using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace AiEngineer.Web.Areas.Identity.Pages.Account;

public static class AccountHtml
{
    /// <summary>
    /// A translated sentence with a link inside it, where the translation puts it: <c>{0}</c> in the sentence becomes
    /// the link. Both strings are encoded; only the link's own markup is not.
    /// </summary>
    public static IHtmlContent SentenceWithLink(this IHtmlHelper html, string sentence, string? href, string text) =>
        new HtmlString(string.Format(CultureInfo.CurrentCulture, html.Encode(sentence), $"<a href=\"{html.Encode(href)}\">{html.Encode(text)}</a>"));
}

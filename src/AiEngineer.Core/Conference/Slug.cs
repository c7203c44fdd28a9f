using System.Globalization;
using System.Text;

namespace AiEngineer.Core.Conference;

/// <summary>URL slugs: lower-case ASCII letters and digits separated by single dashes.</summary>
public static class Slug
{
    public static string From(string text, int maxLength = 80)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(normalized.Length);
        var dash = false;
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && sb.Length > 0) sb.Append('-');
                sb.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else
            {
                dash = true;
            }
            if (sb.Length >= maxLength) break;
        }
        return sb.Length == 0 ? "item" : sb.ToString().TrimEnd('-');
    }
}

using System.Globalization;
using AiEngineer.Core.Cfp;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Pages.Shared;

/// <summary>
/// The call for papers' rule messages (<see cref="CfpRuleException"/>) in the visitor's language (<c>RuleText.resx</c>:
/// the English formats as keys; <c>RuleText.zh-Hans.resx</c>). Pages that show a refused rule write
/// <c>rules.Localize(labels, ex)</c>, never <c>ex.Message</c>.
/// </summary>
public sealed class RuleText;

public static class RuleMessages
{
    /// <summary>
    /// The rule's sentence in the visitor's language: a state becomes its label (in lower case, as the English sentence
    /// writes it mid-sentence), a string that is itself a rule sentence (why the window is closed) is translated too, and
    /// anything else (an email address, a number) is shown as given. A sentence the resource lacks stays English.
    /// </summary>
    public static string Localize(this IStringLocalizer<RuleText> rules, IStringLocalizer<StatusText> labels, CfpRuleException ex)
    {
        var arguments = ex.Arguments.Select(a => a switch
        {
            Enum e => (object)labels.Label(e).ToLower(CultureInfo.CurrentCulture),
            string s => rules[s].Value,
            _ => a,
        }).ToArray();
        return arguments.Length == 0 ? rules[ex.Format] : rules[ex.Format, arguments];
    }
}

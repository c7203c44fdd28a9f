using System.Globalization;
using AiEngineer.Core.Messages;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Pages.Shared;

/// <summary>
/// Every sentence Core tells a person (<see cref="Problem"/>: a refused rule, a form's problem, a schedule warning, a sale
/// refused), in one resource: <c>RuleText.resx</c> has the English formats as keys ("{0}: at most {1} per order."),
/// <c>RuleText.zh-Hans.resx</c> their translations. A page never shows a problem's English or an exception's
/// <c>Message</c>; it writes <c>Rules[problem]</c> or <c>Rules[ex]</c> through <see cref="RuleMessages"/>.
/// <c>CoreMessageTests</c> fails on a message of Core's the resource lacks.
/// </summary>
public sealed class RuleText;

/// <summary>The one place a <see cref="Problem"/> of Core's is put into the visitor's language.</summary>
public sealed class RuleMessages(IStringLocalizer<RuleText> rules, IStringLocalizer<StatusText> labels)
{
    /// <summary>
    /// The problem in the visitor's language: its format looked up in <see cref="RuleText"/>, then its arguments formatted
    /// in the current culture. A state or kind becomes its label (in lower case, as the English writes it mid-sentence), a
    /// problem inside a problem is localized in turn, a string that is itself a known sentence is translated, and anything
    /// else (a name, a number, an amount already formatted) is shown as given. A format the resource lacks stays English.
    /// </summary>
    public string this[Problem problem]
    {
        get
        {
            var arguments = problem.Arguments.Select(a => a switch
            {
                Enum e => labels.Label(e).ToLower(CultureInfo.CurrentCulture),
                Problem p => this[p],
                string s => rules[s].Value,
                _ => a,
            }).ToArray();
            if (IsJoin(problem)) return string.Join(Separator, arguments);
            return string.Format(CultureInfo.CurrentCulture, rules[problem.Format].Value, arguments);
        }
    }

    public string this[RuleException ex] => this[ex.Problem];

    /// <summary>Several problems, each in the visitor's language, one after the other.</summary>
    public string Join(IEnumerable<Problem> problems) => string.Join(Separator, problems.Select(p => this[p]));

    /// <summary>Chinese sentences end in "。" and follow each other without a space; English ones need one.</summary>
    private static string Separator => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is "zh" or "ja" ? "" : " ";

    /// <summary><see cref="Problem.Join"/>'s "{0} {1} …": nothing to translate but the problems.</summary>
    private static bool IsJoin(Problem problem) =>
        problem.Arguments.Count > 1 && problem.Arguments.All(a => a is Problem)
        && problem.Format == string.Join(" ", Enumerable.Range(0, problem.Arguments.Count).Select(i => "{" + i + "}"));
}

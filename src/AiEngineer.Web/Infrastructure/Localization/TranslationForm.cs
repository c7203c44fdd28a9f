using System.Globalization;
using AiEngineer.Core.Content;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Infrastructure.Localization;

/// <summary>
/// The other-language side of an organizer form: the form posts <c>{Prefix}.Translations[zh-Hans:Tagline]</c> next to
/// the English <c>{Prefix}.Tagline</c> (<c>Pages/Admin/_Translations.cshtml</c> draws the inputs), and the handler copies
/// what was posted into the record's <see cref="Translations"/>. Only the configured languages and the fields the page
/// names are read; an empty box clears that translation, so the page falls back to English.
/// </summary>
public sealed class TranslationForm(IOptions<RequestLocalizationOptions> options, Microsoft.Extensions.Localization.IStringLocalizer<Pages.Shared.SiteText> site)
{
    /// <summary>Every configured language but the default (English), in configuration order.</summary>
    public IReadOnlyList<CultureInfo> Languages { get; } = (options.Value.SupportedUICultures ?? []).Skip(1).ToList();

    public static string Key(string language, string field) => language + ":" + field;

    /// <summary>The posted values for a record's current translations, for filling the form.</summary>
    public Dictionary<string, string?> Fill(Translations translations, params string[] fields) =>
        Languages.SelectMany(l => fields.Select(f => (Key: Key(l.Name, f), Text: translations.Get(l.Name, f))))
            .Where(x => x.Text is not null).ToDictionary(x => x.Key, x => x.Text);

    /// <summary>
    /// Copies the posted translations of <paramref name="fields"/> (field → maximum length) into <paramref name="target"/>,
    /// or, when one is too long, adds a model error and changes nothing.
    /// </summary>
    /// <param name="labels">The page's localizer, which translates the fields' English labels for the message.</param>
    public bool Apply(Translations target, IReadOnlyDictionary<string, string?> posted, IReadOnlyDictionary<string, (string Label, int Max)> fields,
        ModelStateDictionary modelState, string prefix, Microsoft.Extensions.Localization.IStringLocalizer labels)
    {
        var ok = true;
        foreach (var language in Languages)
            foreach (var (field, (label, max)) in fields)
                if (posted.GetValueOrDefault(Key(language.Name, field)) is { } text && text.Trim().Length > max)
                {
                    modelState.AddModelError($"{prefix}.Translations[{Key(language.Name, field)}]", site["{0} in {1} can be at most {2} characters.", labels[label], Localization.Languages.Label(language), max]);
                    ok = false;
                }
        if (!ok) return false;
        foreach (var language in Languages)
            foreach (var field in fields.Keys)
                target.Set(language.Name, field, posted.GetValueOrDefault(Key(language.Name, field)));
        return true;
    }
}

/// <summary>One field's other-language inputs (<c>_Translations.cshtml</c>): beside the English input, one column per language.</summary>
/// <param name="Rows">0 for a one-line input, else a textarea of that many rows.</param>
/// <param name="HasBuiltIn">The field has a built-in text with its own translations (the policies): an empty translation shows that while the English is unchanged.</param>
public sealed record TranslatedInput(string Prefix, string Field, string Label, IReadOnlyDictionary<string, string?> Values, int MaxLength, int Rows = 0, bool Monospace = false, bool HasBuiltIn = false);

using System.Globalization;
using System.Resources;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Content;
using AiEngineer.Core.Tickets;

namespace AiEngineer.Web.Infrastructure.Content;

/// <summary>
/// The policy texts a visitor reads (code of conduct, privacy, refund policy) in their language. In order: the
/// organizers' translation; the organizers' own English; the site's built-in text in the visitor's language
/// (<c>PolicyText.zh-Hans.resx</c>, keys <see cref="CodeOfConduct"/>, <see cref="Privacy"/>, <see cref="Refunds"/>); the
/// built-in English. English saved unchanged from the built-in text counts as the built-in text, so a Chinese
/// visitor still gets the Chinese version of it.
/// </summary>
public static class PolicyText
{
    public const string CodeOfConduct = nameof(ConferenceEvent.CodeOfConduct);
    public const string Privacy = nameof(ConferenceEvent.PrivacyPolicy);
    public const string Refunds = nameof(ConferenceEvent.RefundPolicy);

    private static readonly ResourceManager Resources = new(typeof(PolicyTextResources).FullName!, typeof(PolicyTextResources).Assembly);

    public static string CodeOfConductFor(ConferenceEvent? conference) =>
        Resolve(conference, CodeOfConduct, conference?.CodeOfConduct, ConferencePages.CodeOfConduct);

    public static string PrivacyFor(ConferenceEvent? conference) =>
        Resolve(conference, Privacy, conference?.PrivacyPolicy, ConferencePages.Privacy);

    /// <summary>The refund policy; <paramref name="inForce"/> is the English in force (the organizers' or the configured one).</summary>
    public static string RefundsFor(ConferenceEvent? conference, string inForce) =>
        Resolve(conference, Refunds, inForce, TicketingOptions.DefaultRefundPolicy);

    private static string Resolve(ITranslated? record, string field, string? english, string builtInEnglish)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (record?.Translations.Find(field, culture) is { } translated) return translated;
        var own = english?.Trim().ReplaceLineEndings("\n");
        if (!string.IsNullOrEmpty(own) && own != builtInEnglish.Trim().ReplaceLineEndings("\n")) return english!;
        return BuiltIn(field, culture) ?? builtInEnglish;
    }

    /// <summary>The built-in text of <paramref name="field"/> in <paramref name="culture"/> (or a parent), null for English or a language without it.</summary>
    public static string? BuiltIn(string field, CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (c.TwoLetterISOLanguageName == "en") return null;
            if (Resources.GetResourceSet(c, createIfNotExists: true, tryParents: false)?.GetString(field) is { Length: > 0 } text) return text;
        }
        return null;
    }
}

/// <summary>Names the resource <c>PolicyTextResources.&lt;language&gt;.resx</c> beside this file (there is no English file: the English is in Core).</summary>
public sealed class PolicyTextResources;

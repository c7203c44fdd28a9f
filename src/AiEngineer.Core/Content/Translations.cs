using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AiEngineer.Core.Content;

/// <summary>
/// What an organizer wrote in languages other than English, for one record: language → field → text
/// (<c>{"zh-Hans": {"Tagline": "…"}}</c>). The English stays in the record's own columns and is what every other
/// language falls back to. Stored as one JSON text column, so a new language needs no migration.
/// </summary>
public sealed class Translations : Dictionary<string, Dictionary<string, string>>
{
    public Translations() : base(StringComparer.OrdinalIgnoreCase) { }

    /// <summary>The text of <paramref name="field"/> in <paramref name="culture"/> (or a parent culture), else null.</summary>
    public string? Find(string field, CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
            if (TryGetValue(c.Name, out var fields) && fields.TryGetValue(field, out var text) && !string.IsNullOrWhiteSpace(text))
                return text;
        return null;
    }

    public string? Get(string language, string field) =>
        TryGetValue(language, out var fields) && fields.TryGetValue(field, out var text) ? text : null;

    /// <summary>Sets or (when empty) clears one translation; a language left with no field is removed.</summary>
    public void Set(string language, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (TryGetValue(language, out var fields) && fields.Remove(field) && fields.Count == 0) Remove(language);
            return;
        }
        if (!TryGetValue(language, out var existing)) this[language] = existing = new(StringComparer.Ordinal);
        existing[field] = text.Trim();
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static Translations FromJson(string? json)
    {
        var result = new Translations();
        if (string.IsNullOrWhiteSpace(json)) return result;
        foreach (var (language, fields) in JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json) ?? [])
            result[language] = new(fields, StringComparer.Ordinal);
        return result;
    }

    internal static readonly ValueConverter<Translations, string> Converter = new(t => t.ToJson(), s => FromJson(s));

    internal static readonly ValueComparer<Translations> ValueComparer = new(
        (a, b) => (a == null ? "" : a.ToJson()) == (b == null ? "" : b.ToJson()),
        t => t.ToJson().GetHashCode(),
        t => FromJson(t.ToJson()));
}

/// <summary>A record with organizer text in more than one language.</summary>
public interface ITranslated
{
    Translations Translations { get; }
}

public static class TranslatedText
{
    /// <summary>The field in the visitor's language (the current UI culture), or its English when untranslated.</summary>
    public static string Local(this ITranslated record, string field, string english) =>
        record.Translations.Find(field, CultureInfo.CurrentUICulture) ?? english;

    /// <summary>The same for a field that may be empty in English too.</summary>
    public static string? LocalOrNull(this ITranslated record, string field, string? english) =>
        record.Translations.Find(field, CultureInfo.CurrentUICulture) ?? english;

    /// <summary>Maps every <see cref="ITranslated"/> entity's Translations to a JSON text column, "{}" for existing rows.</summary>
    public static void MapTranslations(this ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(ITranslated).IsAssignableFrom(e.ClrType)).ToList())
            builder.Entity(entity.ClrType).Property<Translations>(nameof(ITranslated.Translations))
                .HasConversion(Translations.Converter, Translations.ValueComparer)
                .HasDefaultValueSql("'{}'")
                .IsRequired();
    }
}

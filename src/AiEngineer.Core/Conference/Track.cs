using AiEngineer.Core.Content;

namespace AiEngineer.Core.Conference;

public class Track : Content.ITranslated
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 500;

    public int Id { get; set; }
    public int ConferenceEventId { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }
    /// <summary>This record's text in the other languages (<see cref="Content.Translations"/>).</summary>
    public Content.Translations Translations { get; set; } = new();
    /// <summary>In the visitor's language, English when untranslated.</summary>
    public string LocalName => this.Local(nameof(Name), Name);
    public string LocalDescription => this.Local(nameof(Description), Description);
}

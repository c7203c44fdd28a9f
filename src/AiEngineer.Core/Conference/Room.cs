using AiEngineer.Core.Content;

namespace AiEngineer.Core.Conference;

public class Room : Content.ITranslated
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public int ConferenceEventId { get; set; }
    public string Name { get; set; } = "";
    public int Capacity { get; set; }
    public bool Livestreamed { get; set; }
    /// <summary>Where remote ticket holders watch this room, shown on /live.</summary>
    public string? StreamUrl { get; set; }
    public int SortOrder { get; set; }
    /// <summary>This record's text in the other languages (<see cref="Content.Translations"/>).</summary>
    public Content.Translations Translations { get; set; } = new();
    /// <summary>In the visitor's language, English when untranslated.</summary>
    public string LocalName => this.Local(nameof(Name), Name);
}

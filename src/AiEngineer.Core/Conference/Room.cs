namespace AiEngineer.Core.Conference;

public class Room
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
}

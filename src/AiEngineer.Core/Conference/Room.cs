namespace AiEngineer.Core.Conference;

public class Room
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public int ConferenceEventId { get; set; }
    public string Name { get; set; } = "";
    public int Capacity { get; set; }
    public bool Livestreamed { get; set; }
    public int SortOrder { get; set; }
}

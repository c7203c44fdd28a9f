namespace AiEngineer.Core.Cfp;

/// <summary>What the program shows about a speaker; one per account, reused by every proposal they are on.</summary>
public class SpeakerProfile
{
    public const int DisplayNameMaxLength = 100;
    public const int ShortMaxLength = 120;
    public const int PronounsMaxLength = 40;
    public const int BioMaxLength = 3000;
    public const int UrlMaxLength = 300;

    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Headline { get; set; } = "";
    public string Company { get; set; } = "";
    public string Pronouns { get; set; } = "";
    public string City { get; set; } = "";
    /// <summary>Markdown, rendered and sanitized on display.</summary>
    public string Bio { get; set; } = "";
    public string Website { get; set; } = "";
    public string GitHub { get; set; } = "";
    /// <summary>X or Bluesky.</summary>
    public string Social { get; set; } = "";
    public string LinkedIn { get; set; } = "";
    public int? PhotoId { get; set; }
    public SpeakerPhoto? Photo { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A profile photo, re-encoded on the server (metadata gone); kept in the database so every instance serves it.</summary>
public class SpeakerPhoto
{
    public const int ContentTypeMaxLength = 40;

    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTime CreatedAt { get; set; }
}

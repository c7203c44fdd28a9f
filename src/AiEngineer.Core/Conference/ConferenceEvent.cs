using AiEngineer.Core.Content;
using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Conference;

/// <summary>The one conference this site runs. Dates are local calendar days in <see cref="TimeZoneId"/>.</summary>
public class ConferenceEvent : Content.ITranslated
{
    public const int NameMaxLength = 120;
    public const int TaglineMaxLength = 300;
    public const int PlaceMaxLength = 200;
    public const int UrlMaxLength = 500;
    public const int StreamDetailsMaxLength = 2000;
    public const int PolicyMaxLength = 4000;
    public const int PageMaxLength = 40000;
    public const int MinReservationMinutes = 5;
    public const int MaxReservationMinutes = 120;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Tagline { get; set; } = "";
    public string VenueName { get; set; } = "";
    public string VenueAddress { get; set; } = "";
    public string City { get; set; } = "";
    public string TimeZoneId { get; set; } = "America/Los_Angeles";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>Where remote attendees watch, shown on /live to ticket holders.</summary>
    public string? StreamUrl { get; set; }
    public string? StreamDetails { get; set; }

    /// <summary>How long a pending card order holds its seats; null uses the Tickets:ReservationMinutes setting.</summary>
    public int? ReservationMinutes { get; set; }
    /// <summary>Shown on /tickets and every order page; null uses the Tickets:RefundPolicy setting.</summary>
    public string? RefundPolicy { get; set; }
    /// <summary>Markdown for /code-of-conduct; null shows <see cref="ConferencePages.CodeOfConduct"/>.</summary>
    public string? CodeOfConduct { get; set; }
    /// <summary>Markdown for /privacy; null shows <see cref="ConferencePages.Privacy"/>.</summary>
    public string? PrivacyPolicy { get; set; }
    /// <summary>This record's text in the other languages (<see cref="Content.Translations"/>).</summary>
    public Content.Translations Translations { get; set; } = new();

    public List<Track> Tracks { get; set; } = [];
    public List<Room> Rooms { get; set; } = [];

    /// <summary>The name in the visitor's language (the current UI culture), English when it has no translation.</summary>
    public string LocalName => this.Local(nameof(Name), Name);
    public string LocalTagline => this.Local(nameof(Tagline), Tagline);

    /// <summary>
    /// A room or track a published program names (it keeps the English name it had at publishing), in the visitor's
    /// language; a name no current room or track has stays as it is.
    /// </summary>
    public string LocalRoom(string english) => Rooms.FirstOrDefault(r => r.Name == english)?.LocalName ?? english;
    public string? LocalTrack(string? english) => english is null ? null : Tracks.FirstOrDefault(t => t.Name == english)?.LocalName ?? english;
    public string? LocalFormat(string? english) => english is null ? null : Formats.FirstOrDefault(f => f.Name == english)?.LocalName ?? english;

    /// <summary>
    /// The call for papers' session formats, for <see cref="LocalFormat"/>: not mapped (formats belong to the call); the
    /// site's conference store fills it.
    /// </summary>
    public List<Cfp.SessionFormat> Formats { get; set; } = [];

    /// <summary>What a published item for every room (registration, lunch) gives as its room; pages show it translated.</summary>
    public const string AllRooms = "All rooms";

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>Converts a UTC instant to the event's wall-clock time.</summary>
    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    /// <summary>The UTC instant of a wall-clock time in the event's zone.</summary>
    public DateTime ToUtc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), TimeZone);

    public int DayCount => EndDate.DayNumber - StartDate.DayNumber + 1;

    /// <summary>Midnight after the last day, in the event's zone: from then on the summit is over.</summary>
    public DateTime EndsAt => ToUtc(EndDate.AddDays(1), TimeOnly.MinValue);

    /// <summary>Whether the last day has passed: sales and the call for papers are closed, the program stays as an archive.</summary>
    public bool IsOverAt(DateTime utcNow) => utcNow >= EndsAt;

    /// <summary>Checks the rules a conference record must satisfy; returns the problems, empty when valid.</summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(Name)) problems.Add("The conference needs a name.");
        if (EndDate < StartDate) problems.Add("The end date must be on or after the start date.");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _)) problems.Add($"Unknown time zone '{TimeZoneId}'.");
        if (EndDate.DayNumber - StartDate.DayNumber > 13) problems.Add("A conference can last at most two weeks.");
        if (ReservationMinutes is < MinReservationMinutes or > MaxReservationMinutes)
            problems.Add($"Seats can be held for {MinReservationMinutes} to {MaxReservationMinutes} minutes.");
        if (StreamUrl is { Length: > 0 } url && !IsWebAddress(url)) problems.Add("The stream link must be an http or https address.");
        return problems;
    }

    public static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

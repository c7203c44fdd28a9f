using Microsoft.AspNetCore.Identity;

namespace AiEngineer.Core.Accounts;

/// <summary>An account on the site. Attendees, speakers and sponsor contacts are plain accounts; staff get roles.</summary>
public class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;
    public const int LanguageMaxLength = 16;

    public string? DisplayName { get; set; }
    /// <summary>The site language the person chose (a culture name such as "zh-Hans"); follows them to every device they sign in on.</summary>
    public string? Language { get; set; }
    public DateTime CreatedAt { get; set; }
}

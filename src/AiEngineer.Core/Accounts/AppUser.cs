using Microsoft.AspNetCore.Identity;

namespace AiEngineer.Core.Accounts;

/// <summary>An account on the site. Attendees, speakers and sponsor contacts are plain accounts; staff get roles.</summary>
public class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string? DisplayName { get; set; }
    public DateTime CreatedAt { get; set; }
}

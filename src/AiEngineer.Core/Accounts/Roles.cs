namespace AiEngineer.Core.Accounts;

/// <summary>The staff roles. Everyone else is a plain account.</summary>
public static class Roles
{
    public const string Organizer = "Organizer";
    public const string Reviewer = "Reviewer";
    public const string CheckIn = "CheckIn";

    public static readonly IReadOnlyList<string> All = [Organizer, Reviewer, CheckIn];
}

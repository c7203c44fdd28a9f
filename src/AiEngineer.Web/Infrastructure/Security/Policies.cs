using AiEngineer.Core.Accounts;

namespace AiEngineer.Web.Infrastructure.Security;

public static class Policies
{
    public const string Organizer = nameof(Organizer);
    /// <summary>Reviewers review; organizers may do anything a reviewer does.</summary>
    public const string Reviewer = nameof(Reviewer);
    /// <summary>Check-in staff scan tickets; organizers may too.</summary>
    public const string CheckIn = nameof(CheckIn);

    public static void Configure(Microsoft.AspNetCore.Authorization.AuthorizationBuilder auth) => auth
        .AddPolicy(Organizer, p => p.RequireRole(Roles.Organizer))
        .AddPolicy(Reviewer, p => p.RequireRole(Roles.Reviewer, Roles.Organizer))
        .AddPolicy(CheckIn, p => p.RequireRole(Roles.CheckIn, Roles.Organizer));
}

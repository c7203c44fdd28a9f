namespace AiEngineer.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>The account settings' sections: each page sets <c>ViewData["ActivePage"]</c> to one, and the nav marks it.</summary>
public static class ManageNavPages
{
    public const string Profile = "Profile";
    public const string Email = "Email";
    public const string Password = "Password";
    public const string TwoFactor = "TwoFactor";
}

using System.Text;
using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace AiEngineer.Web.Areas.Identity.Pages.Account;

/// <summary>The link in the confirmation email: confirms the address, after which the account can sign in.</summary>
[AllowAnonymous]
public class ConfirmEmailModel(UserManager<AppUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    /// <summary>Where registration was headed, carried by the link; only a local address.</summary>
    public string? ReturnUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code, string? returnUrl = null)
    {
        if (userId is null || code is null) return LocalRedirect("~/");
        if (await users.FindByIdAsync(userId) is not { } user) return NotFound();
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        Confirmed = Decode(code) is { } token && (await users.ConfirmEmailAsync(user, token)).Succeeded;
        return Page();
    }

    internal static string? Decode(string code)
    {
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}

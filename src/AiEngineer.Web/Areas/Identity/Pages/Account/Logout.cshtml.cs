using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Areas.Identity.Pages.Account;

/// <summary>Signing out is a POST (the header's button); a visit shows a button, or says it is done.</summary>
[AllowAnonymous]
public class LogoutModel(SignInManager<AppUser> signIn, ILogger<LogoutModel> log) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        await signIn.SignOutAsync();
        log.LogInformation("User signed out");
        // A redirect, so that the next request is made without the cookie; only to a page of this site.
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage();
    }
}

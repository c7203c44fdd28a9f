using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The link sent to a new address from the email settings: the address becomes the account's email and, since the
/// email is the user name here, its user name too.
/// </summary>
[AllowAnonymous]
public class ConfirmEmailChangeModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<ConfirmEmailChangeModel> log) : PageModel
{
    public bool Changed { get; private set; }
    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? userId, string? email, string? code)
    {
        if (userId is null || email is null || code is null) return LocalRedirect("~/");
        if (await users.FindByIdAsync(userId) is not { } user) return NotFound();

        Email = email;
        if (ConfirmEmailModel.Decode(code) is not { } token || !(await users.ChangeEmailAsync(user, email, token)).Succeeded) return Page();
        if (!(await users.SetUserNameAsync(user, email)).Succeeded) return Page();
        log.LogInformation("Account {UserId} changed its email", user.Id);

        // The change renews the security stamp: keep this browser signed in if it is this account's (other sessions end).
        if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id) await signIn.RefreshSignInAsync(user);
        Changed = true;
        return Page();
    }
}

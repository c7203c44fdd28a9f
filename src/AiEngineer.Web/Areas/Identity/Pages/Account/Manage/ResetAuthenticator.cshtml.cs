using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>A new authenticator key: the old app stops working and two-factor authentication is off until the new key is verified.</summary>
public class ResetAuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<ResetAuthenticatorModel> log, IStringLocalizer<AccountText> T) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await users.GetUserAsync(User) is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        await users.SetTwoFactorEnabledAsync(me, false);
        await users.ResetAuthenticatorKeyAsync(me);
        log.LogInformation("Account {UserId} reset its authenticator key", me.Id);
        await signIn.RefreshSignInAsync(me);
        StatusMessage = T["Your authenticator app key has been reset. Set up your authenticator app again with the new key."];
        return RedirectToPage("./EnableAuthenticator");
    }
}

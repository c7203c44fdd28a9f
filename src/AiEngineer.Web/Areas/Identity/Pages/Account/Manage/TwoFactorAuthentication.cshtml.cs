using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Two-factor authentication at a glance: on or off, recovery codes left, this browser remembered; the way to each change.</summary>
public class TwoFactorAuthenticationModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<AccountText> T) : PageModel
{
    public bool HasAuthenticator { get; private set; }
    public bool Is2faEnabled { get; private set; }
    public bool IsMachineRemembered { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        HasAuthenticator = await users.GetAuthenticatorKeyAsync(me) is not null;
        Is2faEnabled = await users.GetTwoFactorEnabledAsync(me);
        IsMachineRemembered = await signIn.IsTwoFactorClientRememberedAsync(me);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(me);
        return Page();
    }

    /// <summary>Forget this browser: the next sign-in here asks for a code again.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is null) return Challenge();
        await signIn.ForgetTwoFactorClientAsync();
        StatusMessage = T["This browser has been forgotten. The next time you sign in here, you will be asked for a code."];
        return RedirectToPage();
    }
}

using AiEngineer.Core.Accounts;
using AiEngineer.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Turns two-factor authentication off; the app's key stays (resetting it is its own page). For an organizer this closes the back office (TwoFactorGate).</summary>
public class Disable2faModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptionsMonitor<AccountsOptions> accounts,
    ILogger<Disable2faModel> log, IStringLocalizer<AccountText> T) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Organizer pages need two-factor authentication here: say so before it is turned off.</summary>
    public bool ClosesBackOffice => accounts.CurrentValue.RequireTwoFactorForOrganizers && User.IsInRole(Roles.Organizer);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        return await users.GetTwoFactorEnabledAsync(me) ? Page() : RedirectToPage("./TwoFactorAuthentication");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        var result = await users.SetTwoFactorEnabledAsync(me, false);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(me);
        log.LogInformation("Account {UserId} turned off two-factor authentication", me.Id);
        StatusMessage = T["Two-factor authentication is off. You can turn it on again by setting up an authenticator app."];
        return RedirectToPage("./TwoFactorAuthentication");
    }
}

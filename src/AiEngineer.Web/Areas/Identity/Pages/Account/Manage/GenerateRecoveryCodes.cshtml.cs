using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Ten new recovery codes; the old ones stop working. Only with two-factor authentication on.</summary>
public class GenerateRecoveryCodesModel(UserManager<AppUser> users, ILogger<GenerateRecoveryCodesModel> log, IStringLocalizer<AccountText> T) : PageModel
{
    [TempData]
    public string[]? RecoveryCodes { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        return await users.GetTwoFactorEnabledAsync(me) ? Page() : RedirectToPage("./TwoFactorAuthentication");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(me)) return RedirectToPage("./TwoFactorAuthentication");

        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(me, 10) ?? []];
        log.LogInformation("Account {UserId} generated new recovery codes", me.Id);
        StatusMessage = T["You have generated new recovery codes."];
        return RedirectToPage("./ShowRecoveryCodes");
    }
}

using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Areas.Identity.Pages.Account;

/// <summary>The second step of signing in with one of the account's recovery codes instead of the app; each code works once.</summary>
[AllowAnonymous]
public class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn, ILogger<LoginWithRecoveryCodeModel> log, IStringLocalizer<AccountText> T) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required, StringLength(64), DataType(DataType.Text), Display(Name = "Recovery code")]
        public string RecoveryCode { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl = null)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login", new { returnUrl });
        ReturnUrl = returnUrl;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login", new { returnUrl });

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", string.Empty));
        if (result.Succeeded)
        {
            log.LogInformation("User signed in with a recovery code");
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "~/");
        }
        if (result.IsLockedOut)
        {
            log.LogWarning("Account locked out after repeated failures");
            return RedirectToPage("./Lockout");
        }
        log.LogWarning("Wrong recovery code");
        ModelState.AddModelError("Input.RecoveryCode", T["That recovery code is not valid. Each code works only once."]);
        return Page();
    }
}

using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The second step of signing in for an account with an authenticator app. Wrong codes count toward lockout like wrong
/// passwords (Identity's sign-in manager), and the page shares the sign-in rate limit (RateLimits).
/// </summary>
[AllowAnonymous]
public class LoginWith2faModel(SignInManager<AppUser> signIn, ILogger<LoginWith2faModel> log, IStringLocalizer<AccountText> T) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required, StringLength(7, MinimumLength = 6, ErrorMessage = "Enter the 6-digit code from your authenticator app."), DataType(DataType.Text), Display(Name = "Authenticator code")]
        public string TwoFactorCode { get; set; } = "";

        [Display(Name = "Remember this browser")]
        public bool RememberMachine { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(bool rememberMe, string? returnUrl = null)
    {
        // Only after the password step: without it there is nobody to ask a code of.
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login", new { returnUrl });
        ReturnUrl = returnUrl;
        RememberMe = rememberMe;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool rememberMe, string? returnUrl = null)
    {
        ReturnUrl = returnUrl;
        RememberMe = rememberMe;
        if (!ModelState.IsValid) return Page();
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login", new { returnUrl });

        var code = Input.TwoFactorCode.Replace(" ", string.Empty).Replace("-", string.Empty);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, rememberMe, Input.RememberMachine);
        if (result.Succeeded)
        {
            log.LogInformation("User signed in with an authenticator code");
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "~/");
        }
        if (result.IsLockedOut)
        {
            log.LogWarning("Account locked out after repeated failures");
            return RedirectToPage("./Lockout");
        }
        log.LogWarning("Wrong authenticator code");
        ModelState.AddModelError("Input.TwoFactorCode", T["That code is not right. Enter the newest code your authenticator app shows."]);
        return Page();
    }
}

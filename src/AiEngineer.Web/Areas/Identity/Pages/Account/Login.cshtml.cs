using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Areas.Identity.Pages.Account;

/// <summary>Replaces the Identity UI's login so that failed attempts count toward lockout.</summary>
[AllowAnonymous]
public class LoginModel(SignInManager<AppUser> signIn, ILogger<LoginModel> log, Microsoft.Extensions.Localization.IStringLocalizer<AccountText> T,
    Infrastructure.Security.SignInThrottle throttle) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public sealed class InputModel
    {
        [Required, EmailAddress, StringLength(256), Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(200), Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Remember me")]
        public bool RememberMe { get; set; }
    }

    public async Task OnGetAsync(string? returnUrl = null)
    {
        if (!string.IsNullOrEmpty(ErrorMessage)) ModelState.AddModelError(string.Empty, ErrorMessage);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        ReturnUrl = returnUrl ?? Url.Content("~/");
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();
        // Too many failures from this address lately: refused before the password is even checked, so trying goes no further.
        if (await throttle.BlockedForAsync(HttpContext) is { } wait)
        {
            var minutes = (int)Math.Max(1, Math.Ceiling(wait.TotalMinutes));
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError(string.Empty, T["Too many failed sign-ins from your network. Try again in {0} minutes.", minutes]);
            log.LogWarning("Sign-in refused: too many recent failures from this address");
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User signed in");
            return LocalRedirect(returnUrl);
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl = returnUrl, Input.RememberMe });
        if (!result.Succeeded && !result.RequiresTwoFactor && !result.IsNotAllowed) await throttle.RecordFailureAsync(HttpContext);
        if (result.IsLockedOut)
        {
            log.LogWarning("Account locked out after repeated failures");
            return RedirectToPage("./Lockout");
        }
        if (result.IsNotAllowed)
        {
            ModelState.AddModelError(string.Empty, T["Please confirm your email address first. Check your inbox for the link, or ask for a new one below."]);
            return Page();
        }
        ModelState.AddModelError(string.Empty, T["That email and password do not match an account."]);
        return Page();
    }
}

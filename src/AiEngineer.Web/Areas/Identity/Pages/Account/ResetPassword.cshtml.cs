using System.ComponentModel.DataAnnotations;
using System.Text;
using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Chooses a new password from the emailed link. An unknown address is refused with the same words as a wrong or used
/// link, so the form cannot be used to find out which addresses have accounts.
/// </summary>
[AllowAnonymous]
public class ResetPasswordModel(UserManager<AppUser> users, ILogger<ResetPasswordModel> log, IStringLocalizer<AccountText> T) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The link had no code, or one that is not ours: there is no form to show.</summary>
    public bool BrokenLink { get; private set; }

    public sealed class InputModel
    {
        [Required, EmailAddress, StringLength(256), Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required, StringLength(200, MinimumLength = 10, ErrorMessage = "The password must be at least {2} characters long."), DataType(DataType.Password), Display(Name = "New password")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password), Display(Name = "Confirm new password"), Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        public string ConfirmPassword { get; set; } = "";

        [Required, StringLength(2000), Display(Name = "Reset code")]
        public string Code { get; set; } = "";
    }

    public void OnGet(string? code = null)
    {
        if (Decode(code) is { } token) Input.Code = token;
        else BrokenLink = true;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        var result = user is null ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken()) : await users.ResetPasswordAsync(user, Input.Code, Input.Password);
        if (result.Succeeded)
        {
            log.LogInformation("Password reset for account {UserId}", user!.Id);
            return RedirectToPage("./ResetPasswordConfirmation");
        }
        foreach (var error in result.Errors)
        {
            if (error.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ModelState.AddModelError(string.Empty, T["This link does not work for that email address: check the address, or ask for a new link (each link works once, for a limited time)."]);
            else
                ModelState.AddModelError(error.Code.Contains("Password") ? "Input.Password" : string.Empty, error.Description);
        }
        return Page();
    }

    private static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}

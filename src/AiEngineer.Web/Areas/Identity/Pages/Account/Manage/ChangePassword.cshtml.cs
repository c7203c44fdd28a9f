using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>A new password for the current one. Other browsers signed in to the account are signed out within a minute (the security stamp).</summary>
public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<ChangePasswordModel> log, IStringLocalizer<AccountText> T) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required, StringLength(200), DataType(DataType.Password), Display(Name = "Current password")]
        public string OldPassword { get; set; } = "";

        [Required, StringLength(200, MinimumLength = 10, ErrorMessage = "The password must be at least {2} characters long."), DataType(DataType.Password), Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [DataType(DataType.Password), Display(Name = "Confirm new password"), Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        if (!await users.HasPasswordAsync(me)) return RedirectToPage("./SetPassword");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        if (!ModelState.IsValid) return Page();

        var result = await users.ChangePasswordAsync(me, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.OldPassword"
                    : error.Code.Contains("Password") ? "Input.NewPassword" : string.Empty;
                ModelState.AddModelError(field, error.Description);
            }
            return Page();
        }
        await signIn.RefreshSignInAsync(me);
        log.LogInformation("Account {UserId} changed its password", me.Id);
        StatusMessage = T["Your password has been changed."];
        return RedirectToPage();
    }
}

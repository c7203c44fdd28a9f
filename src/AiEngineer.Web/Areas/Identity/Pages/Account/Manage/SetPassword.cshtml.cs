using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// A first password for an account that has none (every form of the site creates accounts with one; only accounts
/// made by a script can lack it). An account with a password is sent to change it instead.
/// </summary>
public class SetPasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<AccountText> T) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required, StringLength(200, MinimumLength = 10, ErrorMessage = "The password must be at least {2} characters long."), DataType(DataType.Password), Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [DataType(DataType.Password), Display(Name = "Confirm new password"), Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        if (await users.HasPasswordAsync(me)) return RedirectToPage("./ChangePassword");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        if (await users.HasPasswordAsync(me)) return RedirectToPage("./ChangePassword");
        if (!ModelState.IsValid) return Page();

        var result = await users.AddPasswordAsync(me, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.Contains("Password") ? "Input.NewPassword" : string.Empty, error.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(me);
        StatusMessage = T["Your password has been set."];
        return RedirectToPage("./ChangePassword");
    }
}

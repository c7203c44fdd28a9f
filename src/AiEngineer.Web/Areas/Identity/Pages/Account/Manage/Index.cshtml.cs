using System.ComponentModel.DataAnnotations;
using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>The account's name (emails use it) and phone number. The email, which is also the user name, has its own page.</summary>
public class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<AccountText> T) : PageModel
{
    public string Email { get; private set; } = "";

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required, StringLength(AppUser.DisplayNameMaxLength), Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [Phone(ErrorMessage = "Enter a phone number: digits, spaces, brackets and a leading +."), StringLength(32), Display(Name = "Phone number")]
        public string? PhoneNumber { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        Email = me.Email ?? "";
        Input = new InputModel { DisplayName = me.DisplayName ?? "", PhoneNumber = me.PhoneNumber };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        Email = me.Email ?? "";
        if (!ModelState.IsValid) return Page();

        var phone = string.IsNullOrWhiteSpace(Input.PhoneNumber) ? null : Input.PhoneNumber.Trim();
        me.DisplayName = Input.DisplayName.Trim();
        // A new number renews the security stamp (and is saved with the name); an unchanged one is only an update.
        var result = phone != me.PhoneNumber ? await users.SetPhoneNumberAsync(me, phone) : await users.UpdateAsync(me);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(me);
        StatusMessage = T["Your profile has been updated."];
        return RedirectToPage();
    }
}

using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Changing the account's email: a link goes to the new address, and nothing changes until it is opened
/// (ConfirmEmailChange). Whether the new address is taken is not said here; the link then fails to change it.
/// </summary>
public class EmailModel(UserManager<AppUser> users, IEmailSender email, IStringLocalizer<AccountText> T) : PageModel
{
    public string Email { get; private set; } = "";
    public bool IsEmailConfirmed { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required, EmailAddress, StringLength(256), Display(Name = "New email")]
        public string NewEmail { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        Load(me);
        Input.NewEmail = Email;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeEmailAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        Load(me);
        if (!ModelState.IsValid) return Page();

        var newEmail = Input.NewEmail.Trim();
        if (newEmail == Email)
        {
            StatusMessage = T["Your email is unchanged."];
            return RedirectToPage();
        }
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateChangeEmailTokenAsync(me, newEmail)));
        var link = Url.Page("/Account/ConfirmEmailChange", null, new { area = "Identity", userId = me.Id, email = newEmail, code }, Request.Scheme)!;
        // The subject picks the "account.confirm-email" template (IdentityEmailSender), which words the email.
        await email.SendEmailAsync(newEmail, "Confirm your email",
            $"Please confirm your account by <a href=\"{HtmlEncoder.Default.Encode(link)}\">clicking here</a>.");
        StatusMessage = T["We have sent a link to {0}. Your email changes when you open it.", newEmail];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSendVerificationEmailAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        if (me.EmailConfirmed) return RedirectToPage(); // nothing to confirm: no email
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(me)));
        var link = Url.Page("/Account/ConfirmEmail", null, new { area = "Identity", userId = me.Id, code }, Request.Scheme)!;
        await email.SendEmailAsync(me.Email!, "Confirm your email",
            $"Please confirm your account by <a href=\"{HtmlEncoder.Default.Encode(link)}\">clicking here</a>.");
        StatusMessage = T["Verification email sent. Please check your email."];
        return RedirectToPage();
    }

    private void Load(AppUser me)
    {
        Email = me.Email ?? "";
        IsEmailConfirmed = me.EmailConfirmed;
    }
}

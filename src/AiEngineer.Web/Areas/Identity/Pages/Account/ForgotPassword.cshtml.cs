using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace AiEngineer.Web.Areas.Identity.Pages.Account;

/// <summary>Asks for a reset link. Every valid request answers the same confirmation, so the form never tells whether an address has an account.</summary>
[AllowAnonymous]
public class ForgotPasswordModel(UserManager<AppUser> users, IEmailSender email) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required, EmailAddress, StringLength(256), Display(Name = "Email")]
        public string Email { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        // Only a confirmed address gets a link: the person has shown they read that inbox.
        if (await users.FindByEmailAsync(Input.Email.Trim()) is { EmailConfirmed: true } user)
        {
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = Url.Page("/Account/ResetPassword", null, new { area = "Identity", code }, Request.Scheme)!;
            // The subject picks the "account.reset-password" template (IdentityEmailSender), which words the email.
            await email.SendEmailAsync(user.Email!, "Reset Password",
                $"Please reset your password by <a href=\"{HtmlEncoder.Default.Encode(link)}\">clicking here</a>.");
        }
        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}

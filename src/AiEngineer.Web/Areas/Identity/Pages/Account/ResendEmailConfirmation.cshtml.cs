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

/// <summary>A new confirmation link for an account that has not confirmed its address. The answer is the same for any address.</summary>
[AllowAnonymous]
public class ResendEmailConfirmationModel(UserManager<AppUser> users, IEmailSender email) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public sealed class InputModel
    {
        [Required, EmailAddress, StringLength(256), Display(Name = "Email")]
        public string Email { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        if (await users.FindByEmailAsync(Input.Email.Trim()) is { EmailConfirmed: false } user)
        {
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
            var link = Url.Page("/Account/ConfirmEmail", null, new { area = "Identity", userId = user.Id, code }, Request.Scheme)!;
            // The subject picks the "account.confirm-email" template (IdentityEmailSender), which words the email.
            await email.SendEmailAsync(user.Email!, "Confirm your email",
                $"Please confirm your account by <a href=\"{HtmlEncoder.Default.Encode(link)}\">clicking here</a>.");
        }
        Sent = true;
        return Page();
    }
}

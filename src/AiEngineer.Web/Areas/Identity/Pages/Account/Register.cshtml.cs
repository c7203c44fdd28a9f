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

/// <summary>Replaces the Identity UI's registration: asks for a name, and has no external-login pane.</summary>
[AllowAnonymous]
public class RegisterModel(UserManager<AppUser> users, IEmailSender email, TimeProvider time, ILogger<RegisterModel> log) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required, StringLength(AppUser.DisplayNameMaxLength), Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [Required, EmailAddress, StringLength(256), Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required, StringLength(200, MinimumLength = 10, ErrorMessage = "The password must be at least {2} characters long."), DataType(DataType.Password), Display(Name = "Password")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password), Display(Name = "Confirm password"), Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet(string? returnUrl = null) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();

        var user = new AppUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.DisplayName.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.Contains("Password") ? "Input.Password" : string.Empty, error.Description);
            return Page();
        }
        log.LogInformation("Account {UserId} created", user.Id);

        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = Url.Page("/Account/ConfirmEmail", null, new { area = "Identity", userId = user.Id, code, returnUrl }, Request.Scheme)!;
        await email.SendEmailAsync(user.Email, "Confirm your email address",
            $"Welcome to the AI Engineer Summit, {HtmlEncoder.Default.Encode(user.DisplayName)}. " +
            $"Please <a href=\"{HtmlEncoder.Default.Encode(link)}\">confirm your email address</a> to finish creating your account.");

        return RedirectToPage("RegisterConfirmation", new { email = user.Email, returnUrl });
    }
}

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AiEngineer.Core.Accounts;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Adds an authenticator app: the page shows the account's key as text and as a QR code (drawn here, an SVG in the
/// page), and turning two-factor authentication on waits for a code the app computed from it.
/// </summary>
public class EnableAuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, ConferenceContext conference,
    UrlEncoder url, ILogger<EnableAuthenticatorModel> log, IStringLocalizer<AccountText> T) : PageModel
{
    /// <summary>Used when no conference exists yet, so that the app still names the account sensibly.</summary>
    private const string DefaultIssuer = "AI Engineer Summit";

    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";

    [TempData]
    public string[]? RecoveryCodes { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required, StringLength(7, MinimumLength = 6, ErrorMessage = "Enter the 6-digit code from your authenticator app."), DataType(DataType.Text), Display(Name = "Verification code")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        await LoadKeyAsync(me);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(me);
            return Page();
        }

        var code = Input.Code.Replace(" ", string.Empty).Replace("-", string.Empty);
        if (!await users.VerifyTwoFactorTokenAsync(me, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", T["That code is not right. Enter the newest code your authenticator app shows."]);
            await LoadKeyAsync(me);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(me, true);
        // Turning it on renews the security stamp; this browser stays signed in, others must sign in again.
        await signIn.RefreshSignInAsync(me);
        log.LogInformation("Account {UserId} turned on two-factor authentication", me.Id);
        StatusMessage = T["Your authenticator app has been verified."];

        if (await users.CountRecoveryCodesAsync(me) == 0)
        {
            RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(me, 10) ?? []];
            return RedirectToPage("./ShowRecoveryCodes");
        }
        return RedirectToPage("./TwoFactorAuthentication");
    }

    private async Task LoadKeyAsync(AppUser me)
    {
        var key = await users.GetAuthenticatorKeyAsync(me);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(me);
            key = await users.GetAuthenticatorKeyAsync(me) ?? "";
        }
        SharedKey = FormatKey(key);
        var issuer = (await conference.GetAsync())?.Name is { Length: > 0 } name ? name : DefaultIssuer;
        AuthenticatorUri = string.Format(CultureInfo.InvariantCulture, "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            url.Encode(issuer), url.Encode(me.Email ?? ""), key);
    }

    /// <summary>Groups of four, lower case: easier to type; the app ignores spaces and case.</summary>
    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) result.Append(' ');
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return result.ToString().ToLowerInvariant();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>New recovery codes, shown once: they come from the page that made them (TempData), and only Identity's hashes are stored.</summary>
public class ShowRecoveryCodesModel : PageModel
{
    [TempData]
    public string[]? RecoveryCodes { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IActionResult OnGet() => RecoveryCodes is { Length: > 0 } ? Page() : RedirectToPage("./TwoFactorAuthentication");
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Areas.Identity.Pages.Account;

/// <summary>
/// After registering: "check your inbox". It does not look the address up (Identity's own page answers 404 for an
/// unknown one, which tells anyone which addresses have accounts).
/// </summary>
[AllowAnonymous]
public class RegisterConfirmationModel : PageModel
{
    public string Email { get; private set; } = "";

    public IActionResult OnGet(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return LocalRedirect("~/");
        Email = email;
        return Page();
    }
}

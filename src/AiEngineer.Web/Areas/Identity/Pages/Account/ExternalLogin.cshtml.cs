using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Areas.Identity.Pages.Account;

/// <summary>The site has no external sign-in providers: Identity's page for them answers 404.</summary>
[AllowAnonymous]
public class ExternalLoginModel : PageModel
{
    public IActionResult OnGet() => NotFound();
    public IActionResult OnPost() => NotFound();
}

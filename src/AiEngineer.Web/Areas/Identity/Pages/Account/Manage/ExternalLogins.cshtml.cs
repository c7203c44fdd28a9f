using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>The site has no external sign-in providers: there is nothing to link or remove, and the page answers 404.</summary>
public class ExternalLoginsModel : PageModel
{
    public IActionResult OnGet() => NotFound();
    public IActionResult OnPost() => NotFound();
}

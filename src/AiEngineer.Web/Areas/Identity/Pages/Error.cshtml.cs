using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Areas.Identity.Pages;

/// <summary>Identity's own error page (English, never linked): the site's error page (/Error) serves every error, so this address answers 404.</summary>
[AllowAnonymous]
public class ErrorModel : PageModel
{
    public IActionResult OnGet() => NotFound();
}

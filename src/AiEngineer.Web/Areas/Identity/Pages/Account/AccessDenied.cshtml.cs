using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Identity's access-denied address. The site answers a refused page with 403 and its own "Not allowed" page instead
/// (AccountsSetup), so only a typed or old link lands here.
/// </summary>
public class AccessDeniedModel : PageModel
{
    public void OnGet() { }
}

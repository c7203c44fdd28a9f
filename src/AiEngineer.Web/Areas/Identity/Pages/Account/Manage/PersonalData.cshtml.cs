using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Identity's personal-data page only links to its download and delete pages; /my/data does both properly (orders
/// kept, names removed; see PersonalData), so this address leads there, like those two (SiteSetup).
/// </summary>
public class PersonalDataModel : PageModel
{
    public IActionResult OnGet() => Redirect("/my/data");
}

using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Pages.My;

/// <summary>The signed-in person's home: who they are and where their things live.</summary>
public class IndexModel(UserManager<AppUser> users) : PageModel
{
    public AppUser Me { get; private set; } = null!;
    public IList<string> MyRoles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return Challenge();
        Me = me;
        MyRoles = await users.GetRolesAsync(me);
        return Page();
    }
}

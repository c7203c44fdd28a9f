using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Areas.Identity.Pages.Account;

/// <summary>Where sign-in sends an account locked after repeated failures (AccountsSetup sets the count and the time).</summary>
[AllowAnonymous]
public class LockoutModel(IOptions<IdentityOptions> identity) : PageModel
{
    public int Minutes => (int)Math.Ceiling(identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes);

    public void OnGet() { }
}

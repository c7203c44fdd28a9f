using AiEngineer.Core.Accounts;
using AiEngineer.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Pages.My.Data;

/// <summary>Download everything the site holds about me, or delete my account.</summary>
public class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, PersonalData data,
    Microsoft.Extensions.Localization.IStringLocalizer<MyText> T) : PageModel
{
    public string? Blocker { get; private set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        Blocker = Localized(await data.BlockerAsync(me, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        return File(await data.ExportAsync(me, ct), "application/json", "my-ai-engineer-summit-data.json");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        Blocker = Localized(await data.BlockerAsync(me, ct));
        if (Blocker is not null) ModelState.AddModelError("", Blocker);
        else if (!Confirm) ModelState.AddModelError(nameof(Confirm), T["Tick the box to confirm you want to delete your account."]);
        else if (string.IsNullOrEmpty(Password) || !await users.CheckPasswordAsync(me, Password)) ModelState.AddModelError(nameof(Password), T["That password is not right."]);
        if (!ModelState.IsValid) return Page();
        await data.EraseAsync(me, ct);
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    /// <summary>PersonalData's reasons are fixed English sentences: the resource has each.</summary>
    private string? Localized(string? blocker) => blocker is null ? null : T[blocker].Value;
}

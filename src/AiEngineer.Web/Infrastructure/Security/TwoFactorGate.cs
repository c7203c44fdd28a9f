using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Infrastructure.Security;

/// <summary>Bound to "Accounts".</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>Organizer pages open only once the organizer has turned on two-factor authentication (an authenticator app).</summary>
    public bool RequireTwoFactorForOrganizers { get; set; } = true;

    /// <summary>
    /// Failed sign-ins from one client address within <see cref="SignInFailureWindowMinutes"/> after which that address
    /// may not try again until the oldest falls out of the window (0: no limit). Only failures count, so a venue's Wi-Fi,
    /// where hundreds of attendees share one address, is held back only by wrong passwords; each account also locks
    /// after 5 failures for 15 minutes (Identity's lockout).
    /// </summary>
    public int SignInFailuresPerAddress { get; set; } = 20;
    public int SignInFailureWindowMinutes { get; set; } = 5;
}

/// <summary>
/// On every /Admin page: an organizer without two-factor authentication is sent to set it up first. Authorization has
/// already run, so only organizers get here; the flag is read from the account, so turning 2FA off closes the door again.
/// </summary>
public sealed class TwoFactorGate : IAsyncPageFilter
{
    public const string SetupPath = "/my/two-factor-required";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        if (services.GetRequiredService<IOptionsMonitor<AccountsOptions>>().CurrentValue.RequireTwoFactorForOrganizers)
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            if (await users.GetUserAsync(context.HttpContext.User) is not { TwoFactorEnabled: true })
            {
                context.Result = new RedirectResult(SetupPath + "?returnUrl=" + Uri.EscapeDataString(context.HttpContext.Request.Path));
                return;
            }
        }
        await next();
    }
}

using System.Globalization;
using AiEngineer.Web.Infrastructure.Security;
using AiEngineer.Web.Infrastructure.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Pages.Tickets;

/// <summary>
/// The waiting room: a place in line for a browser that arrives at /tickets while the room is on, its position and
/// estimated wait (updated by queue.js without a reload, and without script by a refresh, sooner as the turn nears), and the way on to
/// the tickets once admitted. A place that cannot be used (forged, run out, used) gets a new one at the end, and the page
/// says why.
/// </summary>
public class QueueModel(WaitingRoomGate gate, QueueJoinLimiter joins, TimeProvider time) : PageModel
{
    /// <summary>Without script the whole page reloads, so not as often as queue.js asks: every 5–15 s, a quarter of the wait.</summary>
    public const int MinRefreshSeconds = 5, MaxRefreshSeconds = 15;

    public QueueStatus Status { get; private set; } = null!;
    /// <summary>Why the browser was given a new place, if it was: the state its old cookie was in.</summary>
    public PassState? Rejoined { get; private set; }
    public string ReturnUrl { get; private set; } = "/tickets";
    /// <summary>Once admitted: whole minutes left on the pass (at least 1).</summary>
    public int? NoScriptRefreshSeconds => Status.Admitted ? null
        : Math.Clamp((int)Math.Ceiling(Status.EstimatedWait.TotalSeconds / 4), MinRefreshSeconds, MaxRefreshSeconds);
    public int MinutesLeft => Status.PassExpiresAt is { } until ? Math.Max(1, (int)Math.Floor((until - time.GetUtcNow().UtcDateTime).TotalMinutes)) : 0;

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = Local(returnUrl);
        if (!await gate.IsOnAsync(ct)) return Redirect(ReturnUrl);
        var check = await gate.CheckAsync(HttpContext, ct);
        if (check.State == PassState.Valid) return Redirect(ReturnUrl);
        var entry = check.Entry;
        if (check.State != PassState.Waiting || entry is null)
        {
            if (check.State != PassState.None) Rejoined = check.State;
            // Too many new places from this address: 429 and the status page, which says how long to wait.
            if (await joins.RefusedForAsync(HttpContext, ct) is { } seconds)
            {
                Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return StatusCode(StatusCodes.Status429TooManyRequests);
            }
            entry = await gate.JoinAsync(HttpContext, ct);
        }
        Status = await gate.StatusAsync(entry, ct);
        if (Status.Admitted && Rejoined is null) return Redirect(ReturnUrl);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>For queue.js: where this browser stands, as JSON. No valid place (or the room off): <c>reload</c>, and the page sorts it out.</summary>
    public async Task<IActionResult> OnGetStatusAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await gate.IsOnAsync(ct)) return new JsonResult(new { reload = true });
        var check = await gate.CheckAsync(HttpContext, ct);
        if (check.State == PassState.Valid) return new JsonResult(new { admitted = true });
        if (check.State != PassState.Waiting || check.Entry is null) return new JsonResult(new { reload = true });
        var status = await gate.StatusAsync(check.Entry, ct);
        return new JsonResult(new { admitted = status.Admitted, position = status.Position, waitSeconds = (int)status.EstimatedWait.TotalSeconds });
    }

    /// <summary>Only a ticket page of this site; anything else means /tickets.</summary>
    private string Local(string? url) =>
        url is { Length: > 0 and <= 2000 } && Url.IsLocalUrl(url) && url.StartsWith("/tickets", StringComparison.OrdinalIgnoreCase)
            && !url.StartsWith(WaitingRoomMiddleware.QueuePath, StringComparison.OrdinalIgnoreCase) ? url : "/tickets";
}

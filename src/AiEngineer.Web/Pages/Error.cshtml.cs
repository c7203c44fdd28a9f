using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Set(code);

    /// <summary>
    /// A failed POST is re-executed here as a POST, so the page must answer one, without a token (the token may be what
    /// failed). Posted to directly, there is nothing to accept: 400, like any other form without a token.
    /// </summary>
    public IActionResult OnPost(int? code)
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && HttpContext.Features.Get<IExceptionHandlerFeature>() is null)
            return BadRequest();
        Set(code);
        return Page();
    }

    /// <summary>Seconds until a rate-limited form may be sent again, when the limiter said.</summary>
    public string? RetryAfter => Response.Headers.RetryAfter.FirstOrDefault();

    private void Set(int? code)
    {
        // After an exception the handler has already chosen the status (503 for a database outage, else 500).
        Code = code ?? (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null && Response.StatusCode >= 500 ? Response.StatusCode : 500);
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (code is not null) Response.StatusCode = code.Value;
        if (Code == StatusCodes.Status503ServiceUnavailable && !Response.Headers.ContainsKey("Retry-After"))
            Response.Headers.RetryAfter = Infrastructure.Database.DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

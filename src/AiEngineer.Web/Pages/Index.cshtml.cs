using AiEngineer.Core.Conference;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Pages;

public class IndexModel(ConferenceContext conferences) : PageModel
{
    public ConferenceEvent? Conference { get; private set; }

    public async Task OnGetAsync() => Conference = await conferences.GetAsync(HttpContext.RequestAborted);
}

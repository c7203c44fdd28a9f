using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Pages.Cfp;

/// <summary>The public call for papers: dates, formats, tracks, what reviewers look for, and the way in.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.Site.PublicPageCache.Policies.Cfp)]
public class IndexModel(AppDbContext db, ConferenceContext conferences, TimeProvider time) : PageModel
{
    public ConferenceEvent? Conference { get; private set; }
    public CallForPapers? Call { get; private set; }
    public DateTime Now { get; private set; }

    /// <summary>The last day has passed: the call is closed whatever its dates say, and the page points to the program.</summary>
    public bool IsOver => Conference is not null && Conference.IsOverAt(Now);
    public bool IsOpen => Call is not null && !IsOver && Call.IsOpenAt(Now);
    public bool NotYetOpen => Call is not null && !IsOver && Now < Call.OpensAt;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow().UtcDateTime;
        Conference = await conferences.GetAsync(ct);
        if (Conference is not null) Call = await db.CallForPapersAsync(Conference.Id, ct);
    }
}

using AiEngineer.Core.Data;
using AiEngineer.Core.Email;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.Email.Templates;

/// <summary>Every kind of message the site sends, grouped by feature, with whether organizers have reworded it.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyDictionary<string, EmailTemplate> Saved { get; private set; } = new Dictionary<string, EmailTemplate>();

    public async Task OnGetAsync(CancellationToken ct) =>
        Saved = await db.EmailTemplates.AsNoTracking().Where(t => t.Language == "en").ToDictionaryAsync(t => t.Kind, ct); // the English wording; each language has its own under Edit
}

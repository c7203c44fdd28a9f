using System.Security.Claims;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Data;
using AiEngineer.Core.Sponsors;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Admin.People;

/// <summary>One person: their account, orders, proposals and sponsorships, and the staff roles an organizer gives or takes.</summary>
public class DetailModel(AppDbContext db, UserManager<AppUser> users, Microsoft.Extensions.Localization.IStringLocalizer<AdminText> T) : PageModel
{
    public AppUser Person { get; private set; } = null!;
    public IReadOnlyList<string> PersonRoles { get; private set; } = [];
    public IReadOnlyList<Order> Orders { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title, ProposalState State)> Proposals { get; private set; } = [];
    public IReadOnlyList<Sponsorship> Sponsorships { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Sets the person's staff roles to exactly those ticked. Organizers cannot take Organizer from themselves.</summary>
    public async Task<IActionResult> OnPostRolesAsync(string id, List<string> roles, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var wanted = roles.Where(r => Roles.All.Contains(r)).Distinct().ToList();
        if (roles.Except(Roles.All).Any())
            ModelState.AddModelError("", T["Unknown role. Choose from Organizer, Reviewer and CheckIn."]);
        if (Person.Id == User.FindFirstValue(ClaimTypes.NameIdentifier) && !wanted.Contains(Roles.Organizer))
            ModelState.AddModelError("", T["You cannot remove your own Organizer role; ask another organizer."]);
        if (!ModelState.IsValid) return Page();

        var add = wanted.Except(PersonRoles).ToList();
        var remove = PersonRoles.Intersect(Roles.All).Except(wanted).ToList();
        if (add.Count > 0) await users.AddToRolesAsync(Person, add);
        if (remove.Count > 0) await users.RemoveFromRolesAsync(Person, remove);
        // A new stamp makes their sign-in cookie re-issue with the new roles within a minute (AccountsSetup), or end if a role was taken.
        if (add.Count + remove.Count > 0) await users.UpdateSecurityStampAsync(Person);
        Message = add.Count + remove.Count == 0 ? T["No change."] :
            T["Roles saved: {0}.", wanted.Count == 0 ? T["none"] : string.Join(T[", "], wanted.Select(r => T[r].Value))];
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var person = await users.FindByIdAsync(id);
        if (person is null) return false;
        Person = person;
        PersonRoles = (await users.GetRolesAsync(person)).ToList();
        var email = person.Email ?? "";
        Orders = await db.Orders.AsNoTracking().Where(o => o.UserId == id || o.BuyerEmail == email).OrderByDescending(o => o.Id).Take(50).ToListAsync(ct);
        Proposals = (await db.Proposals.AsNoTracking().Where(p => p.Speakers.Any(s => s.UserId == id)).OrderByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.State }).ToListAsync(ct)).Select(p => (p.Id, p.Title, p.State)).ToList();
        Sponsorships = await db.Sponsorships.AsNoTracking().Include(s => s.Tier).Where(s => s.ContactUserId == id).ToListAsync(ct);
        return true;
    }
}

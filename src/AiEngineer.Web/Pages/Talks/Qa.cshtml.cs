using System.Security.Claims;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Qa;
using AiEngineer.Core.Schedule;
using AiEngineer.Web.Infrastructure.Live;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Infrastructure.Tickets;
using AiEngineer.Web.Pages.Schedule;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Pages.Talks;

/// <summary>
/// A published talk's Q&amp;A: ticket holders (signed in, or through the ticket link) ask and upvote; the session's
/// speakers and the organizers mark questions answered or hide them, and open the presenter view for the room's screen.
/// Plain forms work without script; qa.js refreshes the list when the live bus says something changed.
/// </summary>
public class QaModel(ConferenceContext conferences, ProgramStore store, TicketHolders holders, QuestionBoard board, TimeProvider time,
    Shared.RuleMessages rules) : PageModel
{
    public ConferenceEvent Conference { get; private set; } = null!;
    public PublishedSession Session { get; private set; } = null!;
    public TicketHolders.Holder? Holder { get; private set; }
    public bool IsModerator { get; private set; }
    public bool IsOpen { get; private set; }
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public HashSet<long> Voted { get; private set; } = [];
    /// <summary>The ticket code from the ticket link, carried by every form and link of the page.</summary>
    public string? Ticket { get; private set; }
    /// <summary>Why the last action was refused, in the visitor's language.</summary>
    public string? Refusal { get; private set; }
    [TempData] public string? Message { get; set; }

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public bool Anonymous { get; set; }

    public bool Allowed => Holder is not null || IsModerator;
    public string Topic => QuestionBoard.Topic(Session.ProposalId!.Value);
    public string Link(string path = "") => $"/talks/{Session.Slug}/qa{path}" + (Ticket is null ? "" : $"?ticket={Uri.EscapeDataString(Ticket)}");
    /// <summary>A form's action: the handler, the ticket when there is one, and the question.</summary>
    public string Action(string handler, long? id = null, QuestionBoard.Moderation? action = null) =>
        Link() + (Ticket is null ? "?" : "&") + "handler=" + handler + (id is null ? "" : $"&id={id}") + (action is null ? "" : $"&action={action}");
    /// <summary>The presenter view: the top open questions, large, for the room's screen.</summary>
    public bool Presenting { get; private set; }

    private async Task<bool> LoadAsync(string slug, string? ticket, CancellationToken ct)
    {
        var c = await conferences.GetAsync(ct);
        if (c is null || await store.GetAsync(c, ct) is not { } program || program.Session(slug) is not { ProposalId: not null } session) return false;
        (Conference, Session) = (c, session);
        Holder = await holders.FindAsync(ticket, User, ct);
        Ticket = Holder?.Key.StartsWith("ticket:", StringComparison.Ordinal) == true ? Holder.Key["ticket:".Length..] : null;
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        IsModerator = User.IsInRole(Roles.Organizer) || (me is not null && session.SpeakerUserIds.Contains(me));
        IsOpen = !c.IsOverAt(time.GetUtcNow().UtcDateTime);
        return true;
    }

    private async Task ListAsync(CancellationToken ct)
    {
        Questions = await board.ListAsync(Session.ProposalId!.Value, IsModerator, ct);
        Voted = Holder is null ? [] : await board.VotedAsync(Holder.Key, Questions.Select(q => q.Id).ToList(), ct);
    }

    private IActionResult Refused()
    {
        Response.StatusCode = User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        return Page();
    }

    public async Task<IActionResult> OnGetAsync(string slug, string? ticket, string? view, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ticket, ct)) return NotFound();
        if (!Allowed) return Refused();
        Presenting = view == "present" && IsModerator;
        await ListAsync(ct);
        return Page();
    }

    /// <summary>The list alone, for qa.js to swap in after a live message.</summary>
    public async Task<IActionResult> OnGetListAsync(string slug, string? ticket, string? view, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ticket, ct)) return NotFound();
        if (!Allowed) return StatusCode(User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);
        Presenting = view == "present" && IsModerator;
        await ListAsync(ct);
        return Partial(Presenting ? "_QaPresent" : "_QaList", this);
    }

    public async Task<IActionResult> OnPostAskAsync(string slug, string? ticket, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ticket, ct)) return NotFound();
        if (Holder is null) return Refused();
        if (!IsOpen) { Refusal = rules[QuestionBoard.Closed]; await ListAsync(ct); return Page(); }
        if (await board.AskAsync(Session.ProposalId!.Value, Holder, Text, Anonymous, ct) is { } problem)
        {
            Refusal = rules[problem];
            await ListAsync(ct);
            return Page();
        }
        Message = "asked";
        return Redirect(Link());
    }

    public async Task<IActionResult> OnPostVoteAsync(string slug, string? ticket, long id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ticket, ct)) return NotFound();
        if (Holder is null) return Refused();
        if (await board.VoteAsync(Session.ProposalId!.Value, id, Holder, ct) is { } problem)
        {
            Refusal = rules[problem];
            await ListAsync(ct);
            return Page();
        }
        return Redirect(Link() + $"#q{id}");
    }

    public async Task<IActionResult> OnPostModerateAsync(string slug, string? ticket, long id, QuestionBoard.Moderation action, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ticket, ct)) return NotFound();
        if (!IsModerator) return Forbid();
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (await board.ModerateAsync(Session.ProposalId!.Value, id, action, me, User.IsInRole(Roles.Organizer), ct) is { } problem)
        {
            Refusal = rules[problem];
            await ListAsync(ct);
            return Page();
        }
        return Redirect(Link() + $"#q{id}");
    }
}

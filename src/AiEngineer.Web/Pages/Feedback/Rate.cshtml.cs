using System.Security.Claims;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using AiEngineer.Core.Feedback;
using AiEngineer.Core.Messages;
using AiEngineer.Core.Schedule;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Infrastructure.Tickets;
using AiEngineer.Web.Pages.Schedule;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Feedback;

/// <summary>
/// A published session's feedback form: a ticket holder (signed in, or through the ticket link) rates it from 1 to 5 and
/// may comment, once; sending again changes it, from the session's end until a week after the summit. Nobody else sees
/// anyone's feedback here.
/// </summary>
public class RateModel(AppDbContext db, ConferenceContext conferences, ProgramStore store, TicketHolders holders, TimeProvider time,
    Shared.RuleMessages rules) : PageModel
{
    public sealed class InputModel
    {
        public int? Rating { get; set; }
        public string? Comment { get; set; }
    }

    public ConferenceEvent Conference { get; private set; } = null!;
    public PublishedSession Session { get; private set; } = null!;
    /// <summary>The session's speakers' names, as the program shows them.</summary>
    public string Speakers { get; private set; } = "";
    public TicketHolders.Holder? Holder { get; private set; }
    public FeedbackWindow Window { get; private set; }
    public DateTime Now { get; private set; }
    /// <summary>The person's feedback on this session, if they gave it.</summary>
    public SessionFeedback? Mine { get; private set; }
    /// <summary>A speaker of this session: they read its feedback on their submission's page and do not rate it.</summary>
    public bool IsSpeaker { get; private set; }
    /// <summary>The ticket code from the ticket link, carried by the form.</summary>
    public string? Ticket { get; private set; }
    /// <summary>Why the feedback was refused, in the visitor's language, one entry per field ("" for the whole form).</summary>
    public Dictionary<string, string> Refusals { get; } = [];
    [TempData] public string? Message { get; set; }

    [BindProperty] public InputModel Input { get; set; } = new();

    public bool IsOpen => Window.IsOpenAt(Now);
    /// <summary>The last day feedback can be given or changed, in the event's zone (the window closes at midnight after it).</summary>
    public DateTime LastDay => Conference.EndDate.AddDays(FeedbackWindow.DaysAfterTheEvent).ToDateTime(TimeOnly.MinValue);
    public bool CanRate => Holder is not null && !IsSpeaker && IsOpen;
    public string Link => $"/talks/{Session.Slug}/feedback" + (Ticket is null ? "" : $"?ticket={Uri.EscapeDataString(Ticket)}");

    private async Task<bool> LoadAsync(string slug, string? ticket, CancellationToken ct)
    {
        var c = await conferences.GetAsync(ct);
        if (c is null || await store.GetAsync(c, ct) is not { } program || program.Session(slug) is not { ProposalId: { } proposalId } session) return false;
        (Conference, Session, Now) = (c, session, time.GetUtcNow().UtcDateTime);
        Window = FeedbackWindow.For(c, session.EndsAt);
        Speakers = string.Join(", ", session.SpeakerUserIds.Select(program.SpeakerById).OfType<PublishedSpeaker>().Select(p => p.Name));
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        IsSpeaker = me is not null && session.SpeakerUserIds.Contains(me);
        Holder = await holders.FindAsync(ticket, User, ct);
        Ticket = Holder?.Key.StartsWith("ticket:", StringComparison.Ordinal) == true ? Holder.Key["ticket:".Length..] : null;
        if (Holder is not null)
        {
            var key = Holder.Key;
            Mine = await db.SessionFeedback.FirstOrDefaultAsync(f => f.ProposalId == proposalId && f.HolderKey == key, ct);
        }
        return true;
    }

    private IActionResult Refused()
    {
        Response.StatusCode = User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        return Page();
    }

    public async Task<IActionResult> OnGetAsync(string slug, string? ticket, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ticket, ct)) return NotFound();
        if (Holder is null && !IsSpeaker) return Refused();
        if (Mine is not null) Input = new InputModel { Rating = Mine.Rating, Comment = Mine.Comment };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string? ticket, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ticket, ct)) return NotFound();
        if (Holder is null || IsSpeaker) return Refused();
        if (Window.ProblemAt(Now) is { } closed) return Refuse("", closed);
        if (SessionFeedback.ProblemWithRating(Input.Rating) is { } rating) Refusals[nameof(Input.Rating)] = rules[rating];
        if (SessionFeedback.ProblemWithComment(Input.Comment) is { } comment) Refusals[nameof(Input.Comment)] = rules[comment];
        if (Refusals.Count > 0) return Page();

        var changed = Mine is not null;
        try
        {
            if (Mine is null) db.SessionFeedback.Add(SessionFeedback.Give(Session.ProposalId!.Value, Holder.Key, Input.Rating, Input.Comment, Window, Now));
            else Mine.Change(Input.Rating, Input.Comment, Window, Now);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (!changed)
        {
            // The same person sending twice at once: the unique index kept the first row; this one changes it.
            db.ChangeTracker.Clear();
            var key = Holder.Key;
            var first = await db.SessionFeedback.FirstAsync(f => f.ProposalId == Session.ProposalId && f.HolderKey == key, ct);
            first.Change(Input.Rating, Input.Comment, Window, Now);
            await db.SaveChangesAsync(ct);
            changed = true;
        }
        catch (RuleException ex)
        {
            return Refuse("", ex.Problem);
        }
        Message = changed ? "changed" : "given";
        return Redirect(Link);
    }

    private PageResult Refuse(string field, Problem problem)
    {
        Refusals[field] = rules[problem];
        return Page();
    }
}

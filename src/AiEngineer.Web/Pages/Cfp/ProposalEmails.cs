using System.Net;
using System.Text;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Data;
using AiEngineer.Core.Email;
using AiEngineer.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Pages.Cfp;

/// <summary>The messages a proposal sends: the receipt on submit, a note on every later change of state, the co-speaker invitation.</summary>
public static class ProposalEmails
{
    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    /// <summary>Adds one message per speaker on the proposal to the outbox; saved with the caller's change.</summary>
    public static async Task QueueAsync(AppDbContext db, Proposal proposal, string subject, string kind, Func<string, string> body, DateTime now, CancellationToken ct, string? exceptUserId = null)
    {
        var ids = proposal.Speakers.Select(s => s.UserId).Where(id => id != exceptUserId).ToList();
        var speakers = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct);
        foreach (var s in speakers.Where(s => s.Email is not null))
            db.OutboundEmails.Add(EmailComposer.Compose(s.Email!, s.DisplayName, subject, body(s.DisplayName ?? s.Email!), kind, now));
    }

    public static Task QueueReceiptAsync(AppDbContext db, Proposal proposal, string formatName, string trackName, string link, DateTime now, CancellationToken ct) =>
        QueueAsync(db, proposal, $"We received your proposal: {proposal.Title}", "cfp.receipt", name =>
        {
            var sb = new StringBuilder();
            sb.Append($"<p>Hi {E(name)},</p><p>Thank you for submitting to the call for papers. Your proposal is in, and you can ")
              .Append($"<a href=\"{E(link)}\">see or change it</a> while the call is open for its format.</p>")
              .Append("<p>This is a copy of what you submitted:</p><table role=\"presentation\" cellpadding=\"6\">");
            void Row(string label, string? value) => sb.Append($"<tr><td valign=\"top\"><strong>{E(label)}</strong></td><td>{E(value).Replace("\n", "<br>")}</td></tr>");
            Row("Title", proposal.Title);
            Row("Format", formatName);
            Row("Track", trackName);
            Row("Level", proposal.Level.ToString());
            Row("Abstract", proposal.Abstract);
            Row("Description for reviewers", proposal.Description);
            Row("Notes to organizers", proposal.Notes);
            Row("Given before", proposal.GivenBefore ? "Yes" : "No");
            if (proposal.SlidesUrl.Length > 0) Row("Slides", proposal.SlidesUrl);
            if (proposal.VideoUrl.Length > 0) Row("Video", proposal.VideoUrl);
            sb.Append("</table><p>We will write again when the review committee has decided.</p>");
            return sb.ToString();
        }, now, ct);

    public static Task QueueStateChangeAsync(AppDbContext db, Proposal proposal, string link, DateTime now, CancellationToken ct, string? exceptUserId = null) =>
        QueueAsync(db, proposal, $"Your proposal is now {proposal.State.ToString().ToLowerInvariant()}: {proposal.Title}", "cfp.state", name =>
            $"<p>Hi {E(name)},</p><p>Your proposal <strong>{E(proposal.Title)}</strong> is now <strong>{E(proposal.State.ToString().ToLowerInvariant())}</strong>.</p>" +
            $"<p><a href=\"{E(link)}\">See the proposal</a></p>", now, ct, exceptUserId);

    public static Task QueueCoSpeakerJoinedAsync(AppDbContext db, Proposal proposal, string joinedUserId, string joinedName, string link, DateTime now, CancellationToken ct) =>
        QueueAsync(db, proposal, $"{joinedName} joined your proposal: {proposal.Title}", "cfp.cospeaker-joined", name =>
            $"<p>Hi {E(name)},</p><p>{E(joinedName)} accepted your invitation and is now a co-speaker on <strong>{E(proposal.Title)}</strong>.</p>" +
            $"<p><a href=\"{E(link)}\">See the proposal</a></p>", now, ct, exceptUserId: joinedUserId);

    public static OutboundEmail Invitation(string to, string inviterName, string title, string link, DateTime now) =>
        EmailComposer.Compose(to, null, $"{inviterName} invites you to co-present \"{title}\"",
            $"<p>Hi,</p><p>{E(inviterName)} has added you as a co-speaker on the proposal <strong>{E(title)}</strong> " +
            "for the AI Engineer Summit call for papers.</p>" +
            $"<p><a href=\"{E(link)}\">Accept the invitation</a></p>" +
            "<p>You will be asked to sign in, or to create an account if you do not have one. The link works for 30 days.</p>",
            "cfp.invitation", now);
}

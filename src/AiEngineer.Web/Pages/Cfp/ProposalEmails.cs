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

    /// <summary>Adds one message of <paramref name="kind"/> per speaker on the proposal to the outbox; saved with the caller's change.</summary>
    /// <remarks>Each speaker gets it in their account's language: <paramref name="values"/> is drawn once per speaker, in that language.</remarks>
    private static async Task QueueAsync(AppDbContext db, EmailTemplates templates, Proposal proposal, string kind, Func<Dictionary<string, string>> values, DateTime now, CancellationToken ct, string? exceptUserId = null)
    {
        var ids = proposal.Speakers.Select(s => s.UserId).Where(id => id != exceptUserId).ToList();
        var speakers = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Email, u.DisplayName, u.Language }).ToListAsync(ct);
        foreach (var s in speakers.Where(s => s.Email is not null))
        {
            using var language = templates.In(s.Language);
            db.OutboundEmails.Add(templates.Compose(kind, s.Email!, s.DisplayName,
                new Dictionary<string, string>(values()) { ["title"] = proposal.Title, ["speaker_name"] = s.DisplayName ?? s.Email! }, now));
        }
    }

    /// <summary>The receipt, with a table of everything submitted. The talk's own text stays as the speaker wrote it.</summary>
    public static Task QueueReceiptAsync(AppDbContext db, EmailTemplates templates, Proposal proposal, string formatName, string trackName, string link, DateTime now, CancellationToken ct)
    {
        string Table()
        {
            var sb = new StringBuilder("<table role=\"presentation\" cellpadding=\"6\">");
            void Row(string label, string? value) => sb.Append($"<tr><td valign=\"top\"><strong>{E(EmailText.Get(label))}</strong></td><td>{E(value).Replace("\n", "<br>")}</td></tr>");
            Row("Title", proposal.Title);
            Row("Format", formatName);
            Row("Track", trackName);
            Row("Level", EmailText.Get(Shared.StatusText.English(proposal.Level)));
            Row("Abstract", proposal.Abstract);
            Row("Description for reviewers", proposal.Description);
            Row("Notes to organizers", proposal.Notes);
            Row("Given before", EmailText.Get(proposal.GivenBefore ? "Yes" : "No"));
            if (proposal.SlidesUrl.Length > 0) Row("Slides", proposal.SlidesUrl);
            if (proposal.VideoUrl.Length > 0) Row("Video", proposal.VideoUrl);
            sb.Append("</table>");
            return sb.ToString();
        }
        return QueueAsync(db, templates, proposal, "cfp.receipt", () => new() { ["proposal_link"] = link, ["proposal"] = Table() }, now, ct);
    }

    public static Task QueueStateChangeAsync(AppDbContext db, EmailTemplates templates, Proposal proposal, string link, DateTime now, CancellationToken ct, string? exceptUserId = null) =>
        QueueAsync(db, templates, proposal, "cfp.state",
            () => new() { ["state"] = EmailText.Get(Shared.StatusText.English(proposal.State)).ToLower(System.Globalization.CultureInfo.CurrentCulture), ["proposal_link"] = link }, now, ct, exceptUserId);

    public static Task QueueCoSpeakerJoinedAsync(AppDbContext db, EmailTemplates templates, Proposal proposal, string joinedUserId, string joinedName, string link, DateTime now, CancellationToken ct) =>
        QueueAsync(db, templates, proposal, "cfp.cospeaker-joined",
            () => new() { ["co_speaker_name"] = joinedName, ["proposal_link"] = link }, now, ct, exceptUserId: joinedUserId);

    public static OutboundEmail Invitation(EmailTemplates templates, string to, string inviterName, string title, string link, DateTime now) =>
        templates.Compose("cfp.invitation", to, null,
            new Dictionary<string, string> { ["inviter_name"] = inviterName, ["title"] = title, ["invitation_link"] = link }, now);
}

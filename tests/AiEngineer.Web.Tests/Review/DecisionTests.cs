using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Review;

public class DecisionTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private SiteFactory Site => fixture.Site;

    private async Task<HttpClient> OrganizerAsync()
    {
        const string email = "decider@example.com";
        if (!await Site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))) await Site.CreateUserAsync(email, Roles.Organizer);
        return await Site.SignedInClientAsync(email);
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient organizer, string decision, params int[] ids) =>
        organizer.PostFormAsync("/admin/review/proposals?handler=Decide",
            ids.Select(i => KeyValuePair.Create("selected", i.ToString())).Append(KeyValuePair.Create("decision", decision))
               .GroupBy(k => k.Key).ToDictionary(g => g.Key, g => string.Join(",", g.Select(x => x.Value))), "/admin/review/proposals");

    private async Task EnsureSpeakerTicketTypeAsync() => await Site.WithDbAsync(async db =>
    {
        if (await db.TicketTypes.AnyAsync(t => t.Name == "Speaker")) return;
        db.TicketTypes.AddRange(DemoSeeder.BuildTicketTypes(Site.Time.GetUtcNow().UtcDateTime).Where(t => t.Name == "Speaker"));
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Bulk_decisions_draft_notifications_and_nothing_is_emailed_until_sent()
    {
        await Site.SetReviewAsync();
        var a = await Site.SubmittedProposalAsync("bulk.a@example.com", "Bulk A", "Bulk Alpha");
        var b = await Site.SubmittedProposalAsync("bulk.b@example.com", "Bulk B", "Bulk Beta");
        var organizer = await OrganizerAsync();

        var response = await organizer.PostAsync("/admin/review/proposals?handler=Decide", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", HttpClientFormExtensions.AntiforgeryToken(await organizer.GetStringAsync("/admin/review/proposals"))),
            KeyValuePair.Create("selected", a.ToString()), KeyValuePair.Create("selected", b.ToString()), KeyValuePair.Create("decision", "Rejected"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var states = await Site.WithDbAsync(db => db.Proposals.Where(p => p.Id == a || p.Id == b).Select(p => p.State).ToListAsync());
        Assert.All(states, s => Assert.Equal(ProposalState.Rejected, s));
        var history = await Site.WithDbAsync(db => db.ProposalStateChanges.Where(c => c.ProposalId == a).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(ProposalState.Rejected, history.Last().To);

        await Task.Delay(500);
        Assert.Empty(fixture.Smtp.To("bulk.a@example.com"));
        var drafts = await organizer.GetStringAsync("/admin/review/notifications");
        Assert.Contains("bulk.a@example.com", drafts);
        Assert.Contains("Hi Bulk Alpha", drafts);

        var send = await organizer.PostFormAsync("/admin/review/notifications?handler=Send", [], "/admin/review/notifications");
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        var mail = await fixture.Smtp.WaitForAsync("bulk.a@example.com", m => m.Subject!.Contains("Bulk A"));
        Assert.Contains("Bulk Alpha", mail.TextBody);
        await fixture.Smtp.WaitForAsync("bulk.b@example.com");

        // A rejected proposal can no longer be withdrawn or accepted.
        var again = await DecideAsync(organizer, "Accepted", a);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(ProposalState.Rejected, await Site.WithDbAsync(db => db.Proposals.Where(p => p.Id == a).Select(p => p.State).SingleAsync()));
    }

    [Fact]
    public async Task Confirming_issues_a_comp_speaker_ticket_once_and_speakers_never_see_scores()
    {
        await Site.SetReviewAsync(confirmBy: Site.Time.GetUtcNow().UtcDateTime.AddDays(7));
        await EnsureSpeakerTicketTypeAsync();
        var id = await Site.SubmittedProposalAsync("confirm.speaker@example.com", "Confirmed talk", "Cora Firm");
        await Site.CreateUserAsync("scoring.rev@example.com", Roles.Reviewer);
        var reviewer = await Site.SignedInClientAsync("scoring.rev@example.com");
        await reviewer.PostFormAsync($"/review/{id}", await Site.ScoreFormAsync(4, "reviewer-secret-comment"));

        var organizer = await OrganizerAsync();
        await DecideAsync(organizer, "Accepted", id);

        var speaker = await Site.SignedInClientAsync("confirm.speaker@example.com");
        foreach (var url in new[] { "/my/submissions", $"/my/submissions/{id}", $"/my/submissions/edit/{id}", "/cfp", "/my/profile" })
        {
            var r = await speaker.GetAsync(url);
            var html = await r.Content.ReadAsStringAsync();
            Assert.DoesNotContain("reviewer-secret-comment", html);
            Assert.DoesNotContain("scoring.rev", html);
            Assert.DoesNotContain("decider@example.com", html);
            Assert.DoesNotContain("Relevance to AI engineers", html);
        }
        Assert.NotEqual(HttpStatusCode.OK, (await speaker.GetAsync($"/review/{id}")).StatusCode);

        var confirm = await speaker.PostFormAsync($"/my/submissions/{id}?handler=Confirm", [], $"/my/submissions/{id}");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(ProposalState.Confirmed, await Site.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.State).SingleAsync()));
        await fixture.Smtp.WaitForAsync("confirm.speaker@example.com", m => m.Subject!.Contains("now confirmed"));
        var orders = await Site.WithDbAsync(db => db.Orders.Include(o => o.Tickets).ThenInclude(t => t.TicketType)
            .Where(o => o.Tickets.Any(t => t.AttendeeEmail == "confirm.speaker@example.com")).ToListAsync());
        var order = Assert.Single(orders);
        Assert.Equal(PaymentMethod.Comp, order.PaymentMethod);
        Assert.Equal("Speaker", Assert.Single(order.Tickets).TicketType.Name);

        var twice = await speaker.PostFormAsync($"/my/submissions/{id}?handler=Confirm", [], $"/my/submissions/{id}");
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Equal(1, await Site.WithDbAsync(db => db.Tickets.CountAsync(t => t.AttendeeEmail == "confirm.speaker@example.com")));
    }

    [Fact]
    public async Task A_discarded_draft_is_never_sent_and_the_decision_stands()
    {
        await Site.SetReviewAsync();
        var id = await Site.SubmittedProposalAsync("discard.speaker@example.com", "Discarded news", "Dee Scard");
        var organizer = await OrganizerAsync();
        await DecideAsync(organizer, "Rejected", id);
        var draftId = await Site.WithDbAsync(db => db.DecisionNotifications.Where(n => n.ProposalId == id && n.SentAt == null).Select(n => n.Id).SingleAsync());

        var discard = await organizer.PostFormAsync($"/admin/review/notifications?handler=Discard&id={draftId}", [], "/admin/review/notifications");
        Assert.Equal(HttpStatusCode.Redirect, discard.StatusCode);
        Assert.False(await Site.WithDbAsync(db => db.DecisionNotifications.AnyAsync(n => n.ProposalId == id)));
        Assert.Equal(ProposalState.Rejected, await Site.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.State).SingleAsync()));

        await organizer.PostFormAsync("/admin/review/notifications?handler=Send", [], "/admin/review/notifications");
        await Task.Delay(500);
        Assert.Empty(fixture.Smtp.To("discard.speaker@example.com"));
        var again = await organizer.PostFormAsync($"/admin/review/notifications?handler=Discard&id={draftId}", [], "/admin/review/notifications");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task The_organizer_table_shows_means_and_exports_csv()
    {
        await Site.SetReviewAsync();
        var id = await Site.SubmittedProposalAsync("csv.speaker@example.com", "=HYPERLINK(\"x\") CSV talk");
        await Site.CreateUserAsync("csv.rev@example.com", Roles.Reviewer);
        var reviewer = await Site.SignedInClientAsync("csv.rev@example.com");
        await reviewer.PostFormAsync($"/review/{id}", await Site.ScoreFormAsync(4, ""));

        var organizer = await OrganizerAsync();
        var table = await organizer.GetStringAsync("/admin/review/proposals?sort=title&q=CSV");
        Assert.Contains("4.00", table);
        Assert.Contains("CSV talk", table);
        var csv = await organizer.GetAsync("/admin/review/proposals?handler=Csv&q=CSV");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Relevance to AI engineers mean", text);
        Assert.Contains("'=HYPERLINK", text);
        Assert.Contains("4.00", text);
    }

    [Fact]
    public async Task Without_a_speaker_ticket_type_confirming_still_succeeds_and_the_history_says_so()
    {
        await Site.SetReviewAsync();
        await Site.WithDbAsync(async db =>
        {
            foreach (var t in await db.TicketTypes.Where(t => t.Name == "Speaker").ToListAsync()) t.Name = "Speaker (retired)";
            await db.SaveChangesAsync();
        });
        var id = await Site.SubmittedProposalAsync("no.type@example.com", "No ticket type talk");
        await DecideAsync(await OrganizerAsync(), "Accepted", id);
        var speaker = await Site.SignedInClientAsync("no.type@example.com");
        var confirm = await speaker.PostFormAsync($"/my/submissions/{id}?handler=Confirm", [], $"/my/submissions/{id}");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(ProposalState.Confirmed, await Site.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.State).SingleAsync()));
        Assert.Contains("No \"Speaker\" ticket type", System.Net.WebUtility.HtmlDecode(await speaker.GetStringAsync($"/my/submissions/{id}")));
        await Site.WithDbAsync(async db =>
        {
            foreach (var t in await db.TicketTypes.Where(t => t.Name == "Speaker (retired)").ToListAsync()) t.Name = "Speaker";
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Confirming_after_the_confirm_by_date_is_refused_but_withdrawal_is_gone_after_a_decision()
    {
        await Site.SetReviewAsync(confirmBy: Site.Time.GetUtcNow().UtcDateTime.AddMinutes(-1));
        var id = await Site.SubmittedProposalAsync("too.late@example.com", "Too late talk");
        await DecideAsync(await OrganizerAsync(), "Accepted", id);
        var speaker = await Site.SignedInClientAsync("too.late@example.com");
        await speaker.PostFormAsync($"/my/submissions/{id}?handler=Confirm", [], $"/my/submissions/{id}");
        Assert.Contains("date to confirm has passed", await speaker.GetStringAsync($"/my/submissions/{id}"));
        await speaker.PostFormAsync($"/my/submissions/{id}?handler=Withdraw", [], $"/my/submissions/{id}");
        Assert.Contains("cannot be withdrawn", await speaker.GetStringAsync($"/my/submissions/{id}"));
        Assert.Equal(ProposalState.Accepted, await Site.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.State).SingleAsync()));
        await Site.SetReviewAsync();
    }
}

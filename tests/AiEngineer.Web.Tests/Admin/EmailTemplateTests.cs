using System.Net;
using AiEngineer.Core.Audit;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Review;
using AiEngineer.Web.Tests.Schedule;
using AiEngineer.Web.Tests.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiEngineer.Web.Tests.Admin;

/// <summary>Organizers reword the site's messages: the next message of that kind is sent in their words, with the site's parts filled in.</summary>
public class EmailTemplateTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private SiteFactory Site => fixture.Site;

    private static Task<HttpResponseMessage> SaveAsync(HttpClient organizer, string kind, string subject, string body) =>
        organizer.PostFormAsync($"/admin/email/templates/edit?kind={kind}&handler=Save",
            new() { ["Input.Subject"] = subject, ["Input.Body"] = body }, $"/admin/email/templates/edit?kind={kind}");

    [Fact]
    public async Task A_reworded_confirmation_is_what_the_next_buyer_gets_with_their_tickets_and_their_name_encoded()
    {
        var organizer = await Site.OrganizerAsync("tpl.organizer@example.com");
        var saved = await SaveAsync(organizer, "tickets.confirmation", "Welcome aboard, {buyer_name}: {order_code}",
            "## See you at {conference_name}\n\n**Bring photo ID.** {buyer_name}, here are your tickets:\n\n{tickets}\n\n[Manage the order]({order_link})");
        Assert.Contains("is saved", await organizer.ShownAsync(saved));
        Assert.Contains("Edited", await organizer.GetStringAsync("/admin/email/templates"));

        var free = await fixture.AddTypeAsync("Tpl free", 0, 10);
        var buyer = Site.CreateClient();
        var response = await fixture.BuyAsync(buyer, new() { [free] = 1 }, "tpl.buyer@example.com", "Free", tamper: f => f["Input.BuyerName"] = "Ann <b>Bold</b>");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await Site.WithDbAsync(db => db.Orders.Include(o => o.Tickets).SingleAsync(o => o.BuyerEmail == "tpl.buyer@example.com"));

        var mail = await fixture.Smtp.WaitForAsync("tpl.buyer@example.com");
        Assert.Equal($"Welcome aboard, Ann <b>Bold</b>: {order.Code}", mail.Subject);
        Assert.Contains($"<h2>See you at {fixture.Conference.Name}</h2>", mail.HtmlBody);
        Assert.Contains("<strong>Bring photo ID.</strong> Ann &lt;b&gt;Bold&lt;/b&gt;, here are your tickets:", mail.HtmlBody);
        Assert.Contains($"Ticket code: {order.Tickets[0].Code}", mail.HtmlBody);
        Assert.Contains($"/tickets/qr/{order.Tickets[0].Code}.png", mail.HtmlBody);
        Assert.Contains($"/orders/{order.Code}?token={order.AccessToken}", mail.HtmlBody!.Replace("&amp;", "&"));
        Assert.Contains("Manage the order (http", mail.TextBody);

        // Back to the default: the next buyer gets the site's own wording.
        await organizer.PostFormAsync("/admin/email/templates/edit?kind=tickets.confirmation&handler=Reset", [], "/admin/email/templates/edit?kind=tickets.confirmation");
        Assert.False(await Site.WithDbAsync(db => db.EmailTemplates.AnyAsync(t => t.Kind == "tickets.confirmation")));
        await fixture.BuyAsync(Site.CreateClient(), new() { [free] = 1 }, "tpl.buyer2@example.com", "Free");
        Assert.StartsWith("Your tickets: order ", (await fixture.Smtp.WaitForAsync("tpl.buyer2@example.com")).Subject);

        var audit = await Site.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "EmailTemplate").Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditAction.Added, audit);
        Assert.Contains(AuditAction.Deleted, audit);
    }

    [Fact]
    public void Composed_messages_share_the_rendered_wording_but_each_gets_its_own_links_and_names()
    {
        var templates = Site.Services.GetRequiredService<AiEngineer.Web.Infrastructure.Email.EmailTemplates>();
        var kind = AiEngineer.Core.Email.EmailCatalog.Get("tickets.confirmation");
        const string body = "Hi {buyer_name}, [manage it]({order_link}) or open {order_link}.\n\n{tickets}";
        Dictionary<string, string> Values(string name, string link) => new()
        {
            ["buyer_name"] = name, ["order_code"] = "C", ["order_summary"] = "", ["tickets"] = "<div>T</div>", ["order_link"] = link,
        };

        var first = templates.Render(kind, "s", body, Values("Ann", "https://summit.example/orders/A?token=1&x=2"), cacheBody: true).BodyHtml;
        var second = templates.Render(kind, "s", body, Values("<b>Bo</b>", "https://summit.example/orders/B?token=3"), cacheBody: true).BodyHtml;
        var uncached = templates.Render(kind, "s", body, Values("Ann", "https://summit.example/orders/A?token=1&x=2")).BodyHtml;

        Assert.Equal(uncached, first);
        Assert.Contains("<a href=\"https://summit.example/orders/A?token=1&amp;x=2\" rel=\"nofollow noopener noreferrer\">manage it</a>", first);
        Assert.Contains(">https://summit.example/orders/A?token=1&amp;x=2</a>", first);
        Assert.Contains("Hi Ann,", first);
        Assert.Contains("<div>T</div>", first);
        Assert.DoesNotContain("link.invalid", first);
        Assert.Contains("orders/B?token=3", second);
        Assert.DoesNotContain("orders/A", second);
        Assert.Contains("Hi &lt;b&gt;Bo&lt;/b&gt;,", second);
        // Only web addresses become links: anything else leaves an empty one.
        var odd = templates.Render(kind, "s", body, Values("Cy", "javascript:alert(1)"), cacheBody: true).BodyHtml;
        Assert.DoesNotContain("javascript", odd);
    }

    [Theory]
    [InlineData("tickets.invoice", "Invoice {order_code}", "Pay {amount} to {iban}", "{iban} is not a placeholder of this message")]
    [InlineData("tickets.invoice", "Invoice {order_summary}", "Pay {amount}", "can only be used in the message, not the subject")]
    [InlineData("tickets.invoice", "", "Pay {amount}", "A subject is required.")]
    public async Task Wording_with_a_problem_is_refused_and_nothing_is_saved(string kind, string subject, string body, string problem)
    {
        var organizer = await Site.OrganizerAsync("tpl.organizer@example.com");
        var response = await SaveAsync(organizer, kind, subject, body);
        var html = await organizer.ShownAsync(response);
        Assert.Contains("Nothing was saved.", html);
        Assert.Contains(problem, html);
        Assert.False(await Site.WithDbAsync(db => db.EmailTemplates.AnyAsync(t => t.Kind == kind)));
    }

    [Fact]
    public async Task An_unknown_kind_is_not_found()
    {
        var organizer = await Site.OrganizerAsync("tpl.organizer@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.GetAsync("/admin/email/templates/edit?kind=nope")).StatusCode);
    }

    [Fact]
    public async Task The_preview_renders_unsaved_wording_with_sample_values_in_a_sandbox_and_lists_its_problems()
    {
        var organizer = await Site.OrganizerAsync("tpl.organizer@example.com");
        var saved = await organizer.GetAsync("/admin/email/templates/edit?kind=sponsors.received&handler=Preview");
        Assert.Contains("sandbox", saved.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("Vector Labs", await saved.Content.ReadAsStringAsync());

        var preview = await organizer.PostFormAsync("/admin/email/templates/edit?kind=sponsors.received&handler=Preview",
            new() { ["Input.Subject"] = "Hello {company}", ["Input.Body"] = "Dear {contact_name}, <script>alert(1)</script> {nope}" },
            "/admin/email/templates/edit?kind=sponsors.received");
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("<strong>Subject:</strong> Hello Vector Labs", html);
        Assert.Contains("Dear Radia Perlman,", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("{nope} is not a placeholder", html);
        Assert.False(await Site.WithDbAsync(db => db.EmailTemplates.AnyAsync(t => t.Kind == "sponsors.received")));
    }

    [Fact]
    public async Task Decision_drafts_take_the_reworded_template()
    {
        await Site.SetReviewAsync();
        var organizer = await Site.OrganizerAsync("tpl.organizer@example.com");
        await SaveAsync(organizer, "review.accepted", "Yes! “{title}” is in", "Dear {speaker_name},\n\n“{title}” made it. [Confirm]({confirm_link}) by {confirm_by}.");
        var proposal = await Site.SubmittedProposalAsync("tpl.speaker@example.com", "Templated talk", "Tim Plate");
        await organizer.PostFormAsync("/admin/review/proposals?handler=Decide", new() { ["selected"] = proposal.ToString(), ["decision"] = "Accepted" }, "/admin/review/proposals");
        var draft = await Site.WithDbAsync(db => db.DecisionNotifications.SingleAsync(n => n.ProposalId == proposal));
        Assert.Equal("Yes! “Templated talk” is in", draft.Subject);
        Assert.StartsWith("Dear Tim Plate,\n\n“Templated talk” made it. [Confirm](http", draft.Body);
        Assert.Contains($"/my/submissions/{proposal}) by ", draft.Body);

        await organizer.PostFormAsync("/admin/review/notifications?handler=Send", new() { ["ids"] = draft.Id.ToString() }, "/admin/review/notifications");
        var mail = await fixture.Smtp.WaitForAsync("tpl.speaker@example.com", m => m.Subject == "Yes! “Templated talk” is in");
        Assert.Matches($"<a href=\"http[^\"]*/my/submissions/{proposal}\"[^>]*>Confirm</a> by ", mail.HtmlBody);
    }
}

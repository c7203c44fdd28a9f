using System.Net;
using AiEngineer.Core.Cfp;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Cfp;

public class ProposalTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task Another_speakers_proposal_answers_404_for_reading_editing_and_withdrawing()
    {
        var call = await Site.EnsureCallAsync();
        await Site.CreateUserAsync("owner@example.com");
        await Site.CreateUserAsync("snoop@example.com");
        var owner = await Site.SignedInClientAsync("owner@example.com");
        var id = await owner.CreateProposalAsync(call, "Owner's secret talk");

        var snoop = await Site.SignedInClientAsync("snoop@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await snoop.GetAsync($"/my/submissions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await snoop.GetAsync($"/my/submissions/edit/{id}")).StatusCode);

        var formPage = await snoop.GetStringAsync("/my/submissions/edit");
        var edit = await snoop.PostAsync($"/my/submissions/edit/{id}", CfpTestData.FormWith(formPage, CfpTestData.Form(call.TalkId, call.TrackId, "Hijacked")));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var withdraw = await snoop.PostAsync($"/my/submissions/{id}?handler=Withdraw", CfpTestData.FormWith(formPage, []));
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);

        Assert.DoesNotContain("Owner&#x27;s secret talk", await snoop.GetStringAsync("/my/submissions"));
        var stored = await Site.WithDbAsync(db => db.Proposals.SingleAsync(p => p.Id == id));
        Assert.Equal("Owner's secret talk", stored.Title);
        Assert.Equal(ProposalState.Draft, stored.State);
    }

    [Fact]
    public async Task Two_posts_of_the_same_form_create_one_proposal()
    {
        var call = await Site.EnsureCallAsync();
        await Site.CreateUserAsync("double@example.com");
        var client = await Site.SignedInClientAsync("double@example.com");
        var page = await client.GetStringAsync("/my/submissions/edit");
        var fields = CfpTestData.Form(call.TalkId, call.TrackId, "Double click");

        var first = client.PostAsync("/my/submissions/edit", CfpTestData.FormWith(page, fields));
        var second = client.PostAsync("/my/submissions/edit", CfpTestData.FormWith(page, fields));
        var responses = await Task.WhenAll(first, second);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var third = await client.PostAsync("/my/submissions/edit", CfpTestData.FormWith(page, fields));
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);

        Assert.Equal(1, await Site.WithDbAsync(db => db.Proposals.CountAsync(p => p.Title == "Double click")));
    }

    [Fact]
    public async Task A_form_key_copied_from_another_speaker_saves_nothing_and_touches_nothing()
    {
        var call = await Site.EnsureCallAsync();
        await Site.CreateUserAsync("first@example.com");
        await Site.CreateUserAsync("copier@example.com");
        var first = await Site.SignedInClientAsync("first@example.com");
        var page = await first.GetStringAsync("/my/submissions/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync("/my/submissions/edit", CfpTestData.FormWith(page, CfpTestData.Form(call.TalkId, call.TrackId, "Original")))).StatusCode);

        var copier = await Site.SignedInClientAsync("copier@example.com");
        var copierPage = await copier.GetStringAsync("/my/submissions/edit");
        var key = System.Text.RegularExpressions.Regex.Match(page, "name=\"Input.IdempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = CfpTestData.Form(call.TalkId, call.TrackId, "Copy");
        var body = new Dictionary<string, string>(form)
        {
            ["__RequestVerificationToken"] = HttpClientFormExtensions.AntiforgeryToken(copierPage),
            ["Input.IdempotencyKey"] = key,
        };
        var response = await copier.PostAsync("/my/submissions/edit", new FormUrlEncodedContent(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This form was already used. Nothing was saved", await response.Content.ReadAsStringAsync());
        Assert.False(await Site.WithDbAsync(db => db.Proposals.AnyAsync(p => p.Title == "Copy")));
        Assert.True(await Site.WithDbAsync(db => db.Proposals.AnyAsync(p => p.Title == "Original")));
    }

    [Fact]
    public async Task Submitting_sends_a_receipt_over_smtp_with_a_link_and_a_copy_of_the_proposal()
    {
        var call = await Site.EnsureCallAsync();
        await Site.CreateUserAsync("receipt@example.com");
        var client = await Site.SignedInClientAsync("receipt@example.com");
        var id = await client.CreateProposalAsync(call, "Agents <in> production & beyond", intent: "submit");

        var stored = await Site.WithDbAsync(db => db.Proposals.Include(p => p.StateChanges).SingleAsync(p => p.Id == id));
        Assert.Equal(ProposalState.Submitted, stored.State);
        Assert.Equal([ProposalState.Draft, ProposalState.Submitted], stored.StateChanges.OrderBy(c => c.Id).Select(c => c.To));

        var mail = await fixture.Smtp.WaitForAsync("receipt@example.com", m => m.Subject!.StartsWith("We received"));
        Assert.Contains("Agents &lt;in&gt; production &amp; beyond", mail.HtmlBody);
        Assert.Contains($"/my/submissions/{id}", mail.HtmlBody);
        Assert.Contains("We run **evals** on every pull request.", mail.TextBody);
        Assert.Contains("Outline for reviewers.", mail.TextBody);
        Assert.Contains("Talk", mail.TextBody);

        var list = await client.GetStringAsync("/my/submissions");
        Assert.Contains("Agents &lt;in&gt; production &amp; beyond", list);
        Assert.Contains("Submitted", list);
    }

    [Fact]
    public async Task Withdrawing_records_the_change_and_emails_the_speaker()
    {
        var call = await Site.EnsureCallAsync();
        var user = await Site.CreateUserAsync("withdraw@example.com");
        var client = await Site.SignedInClientAsync("withdraw@example.com");
        var id = await client.CreateProposalAsync(call, "Changed my mind", intent: "submit");

        var response = await client.PostFormAsync($"/my/submissions/{id}?handler=Withdraw", [], formPage: $"/my/submissions/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = await Site.WithDbAsync(db => db.Proposals.Include(p => p.StateChanges).SingleAsync(p => p.Id == id));
        Assert.Equal(ProposalState.Withdrawn, stored.State);
        var last = stored.StateChanges.OrderBy(c => c.Id).Last();
        Assert.Equal(user.Id, last.ByUserId);
        Assert.Equal((ProposalState?)ProposalState.Submitted, last.From);
        await fixture.Smtp.WaitForAsync("withdraw@example.com", m => m.Subject!.Contains("now withdrawn"));

        // Withdrawn is final: the edit form is not offered and a post to it changes nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/my/submissions/edit/{id}")).StatusCode);
        var page = await client.GetStringAsync("/my/submissions/edit");
        var edit = await client.PostAsync($"/my/submissions/edit/{id}", CfpTestData.FormWith(page, CfpTestData.Form(call.TalkId, call.TrackId, "Sneaky edit", "save")));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains("can no longer be changed", await edit.Content.ReadAsStringAsync());
        Assert.Equal("Changed my mind", (await Site.WithDbAsync(db => db.Proposals.SingleAsync(p => p.Id == id))).Title);
    }

    [Theory]
    [InlineData("Input.Abstract", Proposal.AbstractMaxLength, "The abstract can be at most 1500 characters.")]
    [InlineData("Input.Description", Proposal.DescriptionMaxLength, "The description for reviewers can be at most 5000 characters.")]
    [InlineData("Input.Title", Proposal.TitleMaxLength, "The title can be at most 150 characters.")]
    public async Task Overlong_text_is_refused_with_a_clear_message_and_nothing_is_saved(string field, int max, string message)
    {
        var call = await Site.EnsureCallAsync();
        var email = $"long-{field.Length}-{max}@example.com";
        await Site.CreateUserAsync(email);
        var client = await Site.SignedInClientAsync(email);
        var fields = CfpTestData.Form(call.TalkId, call.TrackId, "Long " + max);
        fields[field] = new string('x', max + 1);
        var response = await client.PostNewProposalAsync(fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.Contains("Nothing was saved.", html);
        Assert.False(await Site.WithDbAsync(db => db.ProposalSpeakers.AnyAsync(s => s.UserId == db.Users.Single(u => u.Email == email).Id)));
    }

    [Fact]
    public async Task Hostile_markdown_is_rendered_without_scripts_handlers_javascript_links_or_iframes()
    {
        var call = await Site.EnsureCallAsync();
        await Site.CreateUserAsync("hostile@example.com");
        var client = await Site.SignedInClientAsync("hostile@example.com");
        const string hostile = """
            **Bold claim** and <script>alert('x')</script>
            [click me](javascript:alert(1)) <img src=x onerror="alert(2)"> <iframe src="https://evil.example"></iframe>
            <a href="https://ok.example" onclick="steal()">fine link</a> <svg onload=alert(3)></svg>
            """;
        var response = await client.PostNewProposalAsync(CfpTestData.Form(call.TalkId, call.TrackId, "Hostile", abstractText: hostile));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync(response.Headers.Location!.ToString());

        Assert.Contains("<strong>Bold claim</strong>", html);
        Assert.Contains("href=\"https://ok.example\"", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onload", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_public_page_shows_dates_formats_and_tracks_and_links_to_the_form()
    {
        await Site.EnsureCallAsync();
        var html = await Site.CreateClient().GetStringAsync("/cfp");
        Assert.Contains("The call is open.", html);
        Assert.Contains("Workshop", html);
        Assert.Contains("80 min", html);
        Assert.Contains("AI Agents", html);
        Assert.Contains("America/Los_Angeles", html);
        Assert.Contains("href=\"/code-of-conduct\"", html);
        Assert.Contains("href=\"/my/submissions/edit\"", html);
    }
}

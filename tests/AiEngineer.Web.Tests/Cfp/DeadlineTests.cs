using System.Net;
using AiEngineer.Core.Cfp;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Cfp;

/// <summary>Moves the fake clock past the deadline, so it has a site (and clock) of its own.</summary>
public class DeadlineTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task A_form_opened_before_the_deadline_and_posted_after_is_refused_and_kept_as_a_draft()
    {
        var call = await Site.EnsureCallAsync(closesIn: TimeSpan.FromHours(1));
        await Site.CreateUserAsync("late@example.com");
        var client = await Site.SignedInClientAsync("late@example.com");

        // A submitted proposal, to check editing after the deadline too.
        var earlyId = await client.CreateProposalAsync(call, "On time", intent: "submit");
        var editPage = await client.GetStringAsync($"/my/submissions/edit/{earlyId}");

        var page = await client.GetStringAsync("/my/submissions/edit");
        Site.Time.Advance(TimeSpan.FromMinutes(61));

        var response = await client.PostAsync("/my/submissions/edit", CfpTestData.FormWith(page, CfpTestData.Form(call.TalkId, call.TrackId, "Written in time, sent too late", "submit")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var shown = await client.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("The deadline for this format has passed. Your text is kept as a draft.", shown);

        var late = await Site.WithDbAsync(db => db.Proposals.SingleAsync(p => p.Title == "Written in time, sent too late"));
        Assert.Equal(ProposalState.Draft, late.State);
        Assert.Equal("We run **evals** on every pull request.", late.Abstract);

        // The submitted one can no longer be changed, and says so.
        var closedForm = await client.GetAsync($"/my/submissions/edit/{earlyId}");
        Assert.Equal(HttpStatusCode.Redirect, closedForm.StatusCode);
        Assert.Contains("A submitted proposal can no longer be changed.", await client.GetStringAsync(closedForm.Headers.Location!.ToString()));
        var edit = await client.PostAsync($"/my/submissions/edit/{earlyId}", CfpTestData.FormWith(editPage, CfpTestData.Form(call.TalkId, call.TrackId, "Changed too late", "save")));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains("The deadline for this format has passed.", await edit.Content.ReadAsStringAsync());
        Assert.Equal("On time", (await Site.WithDbAsync(db => db.Proposals.SingleAsync(p => p.Id == earlyId))).Title);

        // The public page says the call is closed.
        Assert.Contains("The call for papers is closed.", await Site.CreateClient().GetStringAsync("/cfp"));

        // An access code for this person lets the draft in; for anyone else it does nothing.
        await Site.WithDbAsync(async db =>
        {
            var cfp = await db.CallsForPapers.SingleAsync();
            db.AccessCodes.Add(new AccessCode { CallForPapersId = cfp.Id, Code = "LATE-2026", Email = "late@example.com", ValidUntil = Site.Time.GetUtcNow().UtcDateTime.AddDays(2) });
            await db.SaveChangesAsync();
        });
        var draftPage = await client.GetStringAsync($"/my/submissions/edit/{late.Id}");
        var withCode = CfpTestData.Form(call.TalkId, call.TrackId, "Written in time, sent too late", "submit");
        withCode["Input.AccessCode"] = "late-2026";
        var submitted = await client.PostAsync($"/my/submissions/edit/{late.Id}", CfpTestData.FormWith(draftPage, withCode));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(ProposalState.Submitted, (await Site.WithDbAsync(db => db.Proposals.SingleAsync(p => p.Id == late.Id))).State);

        await Site.CreateUserAsync("other@example.com");
        var other = await Site.SignedInClientAsync("other@example.com");
        var otherFields = CfpTestData.Form(call.TalkId, call.TrackId, "Borrowed code", "submit");
        otherFields["Input.AccessCode"] = "LATE-2026";
        var refused = await other.PostNewProposalAsync(otherFields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("That access code is not valid for your account", await refused.Content.ReadAsStringAsync());
        Assert.False(await Site.WithDbAsync(db => db.Proposals.AnyAsync(p => p.Title == "Borrowed code")));
    }
}

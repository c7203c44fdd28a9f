using System.Net;
using System.Text.Json;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Review;
using AiEngineer.Web.Tests.Schedule;
using AiEngineer.Web.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Admin;

/// <summary>A person downloads their data and deletes their account; orders stay, without their personal data.</summary>
public class PersonalDataTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    [Fact]
    public async Task A_person_downloads_their_data_and_deletes_the_account_and_orders_are_kept_without_it()
    {
        const string email = "leaving@example.com";
        await fixture.Site.SetReviewAsync();
        var proposal = await fixture.Site.SubmittedProposalAsync(email, "A talk I take back", "Lee Ving");
        var typeId = await fixture.AddTypeAsync("Leaving Type", 2_000, 10);
        var person = await fixture.Site.SignedInClientAsync(email);
        var bought = await fixture.BuyAsync(person, new() { [typeId] = 1 }, email, tamper: f => f["Input.Attendees[0].Email"] = email);
        Assert.Equal(HttpStatusCode.Redirect, bought.StatusCode);
        var code = TicketsFixture.CodeFrom(bought);

        var download = await person.PostFormAsync("/my/data?handler=Download", [], "/my/data");
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        using (var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync()))
        {
            Assert.Equal(email, json.RootElement.GetProperty("account").GetProperty("Email").GetString());
            Assert.Equal("A talk I take back", json.RootElement.GetProperty("proposals")[0].GetProperty("Title").GetString());
            Assert.Equal(code, json.RootElement.GetProperty("orders")[0].GetProperty("Code").GetString());
            Assert.Equal(1, json.RootElement.GetProperty("ticketsInMyName").GetArrayLength());
        }

        // A wrong password or a missing confirmation deletes nothing.
        var wrong = await person.PostFormAsync("/my/data?handler=Delete", new() { ["Password"] = "not-it", ["Confirm"] = "true" }, "/my/data");
        Assert.Contains("That password is not right", await wrong.Content.ReadAsStringAsync());
        var unconfirmed = await person.PostFormAsync("/my/data?handler=Delete", new() { ["Password"] = SiteFactory.Password }, "/my/data");
        Assert.Contains("Tick the box", await unconfirmed.Content.ReadAsStringAsync());
        Assert.True(await fixture.Site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        var deleted = await person.PostFormAsync("/my/data?handler=Delete", new() { ["Password"] = SiteFactory.Password, ["Confirm"] = "true" }, "/my/data");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await fixture.Site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.False(await fixture.Site.WithDbAsync(db => db.Proposals.AnyAsync(p => p.Id == proposal)));
        var order = await fixture.OrderAsync(code);
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(2_000, order.TotalMinor);
        Assert.Null(order.UserId);
        Assert.DoesNotContain("leaving", order.BuyerEmail + order.BuyerName + order.Tickets.Single().AttendeeEmail + order.Tickets.Single().AttendeeName, StringComparison.OrdinalIgnoreCase);
        Assert.False(await fixture.Site.WithDbAsync(db => db.OutboundEmails.AnyAsync(e => e.ToAddress == email)));
        Assert.Equal(HttpStatusCode.Redirect, (await person.GetAsync("/my")).StatusCode);
    }

    [Fact]
    public async Task A_confirmed_speaker_is_asked_to_decline_first_and_identitys_own_delete_page_leads_here()
    {
        await fixture.Site.SetReviewAsync();
        await fixture.Site.ConfirmedProposalAsync("staying@example.com", "A talk I give", "Stay Ing");
        var speaker = await fixture.Site.SignedInClientAsync("staying@example.com");
        Assert.Contains("You are speaking at the summit", WebUtility.HtmlDecode(await speaker.GetStringAsync("/my/data")));
        var refused = await speaker.PostFormAsync("/my/data?handler=Delete", new() { ["Password"] = SiteFactory.Password, ["Confirm"] = "true" }, "/my/data");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.True(await fixture.Site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "staying@example.com")));

        var stock = await speaker.GetAsync("/Identity/Account/Manage/DeletePersonalData");
        Assert.Equal(HttpStatusCode.Redirect, stock.StatusCode);
        Assert.Equal("/my/data", stock.Headers.Location!.ToString());
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Sponsors;
using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Sponsors;

public class SponsorsFixture : SiteFixture
{
    protected override void Configure(SiteFactory site) => site.Settings["Tickets:ExpirySweepSeconds"] = "0.2";

    protected override Task SeedAsync() => Site.WithDbAsync(async db =>
    {
        db.Conferences.Add(DemoSeeder.BuildConference(Site.Time.GetUtcNow().UtcDateTime));
        db.TicketTypes.AddRange(DemoSeeder.BuildTicketTypes(Site.Time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        db.SponsorTiers.AddRange(DemoSeeder.BuildSponsorTiers(null));
        db.SponsorTiers.Add(new SponsorTier { Name = "Rush", PriceMinor = 100000, Slots = 3, SortOrder = 9 });
        var regular = await db.TicketTypes.Where(t => t.Name == "In-person Regular").Select(t => t.Id).SingleAsync();
        db.SponsorTiers.Add(new SponsorTier { Name = "Included", PriceMinor = 100000, Slots = 3, SortOrder = 10, IncludedTickets = 2, IncludedTicketTypeId = regular });
        await db.SaveChangesAsync();
    });
}

public class SponsorPipelineTests(SponsorsFixture fixture) : IClassFixture<SponsorsFixture>
{
    public const string Logo = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"#7c5cff\"/><script>alert(1)</script></svg>";

    private Task<int> TierAsync(string name) => fixture.Site.WithDbAsync(db => db.SponsorTiers.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    public static async Task<HttpResponseMessage> ApplyAsync(HttpClient client, int tierId, string company, string? logo = Logo, string? website = null)
    {
        var page = await client.GetStringAsync("/sponsors/apply");
        var form = new MultipartFormDataContent
        {
            { new StringContent(HttpClientFormExtensions.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(Guid.NewGuid().ToString()), "Input.IdempotencyKey" },
            { new StringContent(tierId.ToString()), "Input.TierId" },
            { new StringContent(company), "Input.CompanyName" },
            { new StringContent(website ?? "https://" + company.ToLowerInvariant().Replace(' ', '-') + ".example.com"), "Input.Website" },
            { new StringContent("Casey Contact"), "Input.ContactName" },
            { new StringContent("casey@" + company.ToLowerInvariant().Replace(' ', '-') + ".example.com"), "Input.ContactEmail" },
            { new StringContent("+1 415 555 0100"), "Input.ContactPhone" },
            { new StringContent("1 Market St, San Francisco"), "Input.BillingAddress" },
            { new StringContent("We build **evals** for agents. <script>alert(1)</script>"), "Input.Description" },
        };
        if (logo is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(logo));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/svg+xml");
            form.Add(file, "Logo", "logo.svg");
        }
        return await client.PostAsync("/sponsors/apply", form);
    }

    private async Task<HttpClient> ContactAsync(string email)
    {
        await fixture.Site.CreateUserAsync(email);
        return await fixture.Site.SignedInClientAsync(email);
    }

    private async Task<HttpClient> OrganizerAsync(string email)
    {
        await fixture.Site.CreateUserAsync(email, Roles.Organizer);
        return await fixture.Site.SignedInClientAsync(email);
    }

    [Fact]
    public async Task A_company_applies_is_approved_pays_by_invoice_and_appears_on_the_wall()
    {
        var contact = await ContactAsync("contact@evalcorp.example.com");
        var gold = await TierAsync("Gold");
        var applied = await ApplyAsync(contact, gold, "EvalCorp");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var s = await fixture.Site.WithDbAsync(db => db.Sponsorships.AsNoTracking().Include(x => x.Logo).SingleAsync(x => x.CompanyName == "EvalCorp"));
        Assert.Equal(SponsorshipStatus.Applied, s.Status);
        Assert.DoesNotContain("script", Encoding.UTF8.GetString(s.Logo!.Content));
        Assert.Equal(1, await fixture.Site.WithDbAsync(db => db.SponsorTiers.Where(t => t.Id == gold).Select(t => t.Taken).SingleAsync()));
        await fixture.Smtp.WaitForAsync("casey@evalcorp.example.com", m => m.Subject!.Contains("received"));
        Assert.DoesNotContain("EvalCorp", await fixture.Site.CreateClient().GetStringAsync("/sponsors")); // not live yet

        var organizer = await OrganizerAsync("boss@sponsors.example.com");
        await organizer.PostFormAsync($"/admin/sponsors/{s.Id}?handler=Approve", new() { ["Message"] = "Welcome aboard, see you at the booth!" }, formPage: $"/admin/sponsors/{s.Id}");
        var approval = await fixture.Smtp.WaitForAsync("casey@evalcorp.example.com", m => m.Subject!.Contains("approved"));
        Assert.Contains("Welcome aboard, see you at the booth!", approval.HtmlBody);
        Assert.Contains("SPONSOR-" + s.Id, await contact.GetStringAsync("/my/sponsor"));

        await organizer.PostFormAsync($"/admin/sponsors/{s.Id}?handler=MarkPaid", new(), formPage: $"/admin/sponsors/{s.Id}");
        await fixture.Smtp.WaitForAsync("casey@evalcorp.example.com", m => m.Subject!.Contains("live"));
        var wall = await fixture.Site.CreateClient().GetStringAsync("/sponsors");
        Assert.Contains("rel=\"sponsored noopener\"", wall);
        Assert.Contains($"/sponsors/logo/{s.LogoId}", wall);
        Assert.Contains($"/sponsors/logo/{s.LogoId}", await fixture.Site.CreateClient().GetStringAsync("/")); // and on the home page
        var page = await fixture.Site.CreateClient().GetStringAsync($"/sponsors/{s.Slug}");
        Assert.Contains("<strong>evals</strong>", page);
        Assert.DoesNotContain("<script>alert", page);
        var logo = await fixture.Site.CreateClient().GetAsync($"/sponsors/logo/{s.LogoId}");
        Assert.Equal("image/svg+xml", logo.Content.Headers.ContentType!.MediaType);
        Assert.Contains("sandbox", logo.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("Paid and live", await contact.GetStringAsync("/my/sponsor"));
    }

    [Fact]
    public async Task A_live_sponsor_hands_out_exactly_the_included_tickets()
    {
        var contact = await ContactAsync("tickets@included.example.com");
        await ApplyAsync(contact, await TierAsync("Included"), "Included Co");
        var s = await fixture.Site.WithDbAsync(db => db.Sponsorships.AsNoTracking().SingleAsync(x => x.CompanyName == "Included Co"));
        var organizer = await OrganizerAsync("boss3@sponsors.example.com");
        await organizer.PostFormAsync($"/admin/sponsors/{s.Id}?handler=Approve", new() { ["Message"] = "Welcome" }, formPage: $"/admin/sponsors/{s.Id}");
        await organizer.PostFormAsync($"/admin/sponsors/{s.Id}?handler=MarkPaid", new(), formPage: $"/admin/sponsors/{s.Id}");

        var portal = await contact.GetStringAsync("/my/sponsor");
        Assert.Contains("Included tickets: 0 of 2 used", portal);
        foreach (var (name, email) in new[] { ("Ana One", "ana@included.example.com"), ("Ben Two", "ben@included.example.com"), ("Cy Three", "cy@included.example.com") })
            await contact.PostFormAsync($"/my/sponsor?id={s.Id}&handler=Issue", new() { ["name"] = name, ["email"] = email }, formPage: "/my/sponsor");

        var orders = await fixture.Site.WithDbAsync(db => db.Orders.AsNoTracking().Where(o => o.BuyerEmail.EndsWith("@included.example.com")).ToListAsync());
        Assert.Equal(2, orders.Count);
        Assert.All(orders, o => Assert.Equal(Core.Tickets.PaymentMethod.Comp, o.PaymentMethod));
        await fixture.Smtp.WaitForAsync("ben@included.example.com", m => m.Subject!.StartsWith("Your tickets"));
        Assert.Contains("This voucher has been used up.", WebUtility.HtmlDecode(await contact.GetStringAsync("/my/sponsor")));
    }

    [Fact]
    public async Task Thirty_companies_racing_for_three_slots_get_exactly_three()
    {
        var rush = await TierAsync("Rush");
        var clients = new List<HttpClient>();
        for (var i = 0; i < 30; i++) clients.Add(await ContactAsync($"rush{i}@example.com"));
        var responses = await Task.WhenAll(clients.Select((c, i) => ApplyAsync(c, rush, $"Rush Co {i}")));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains("Rush is sold out.", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        }
        Assert.Equal(3, await fixture.Site.WithDbAsync(db => db.Sponsorships.CountAsync(s => s.TierId == rush)));
        Assert.Equal(3, await fixture.Site.WithDbAsync(db => db.SponsorTiers.Where(t => t.Id == rush).Select(t => t.Taken).SingleAsync()));
        Assert.Contains("sold out", await clients[0].GetStringAsync("/sponsors/apply"));
    }

    [Fact]
    public async Task A_bad_logo_or_bad_fields_are_refused_and_hold_no_slot()
    {
        var contact = await ContactAsync("bad@example.com");
        var silver = await TierAsync("Silver");
        var noLogo = await ApplyAsync(contact, silver, "No Logo Inc", logo: null);
        Assert.Contains("Upload your logo", WebUtility.HtmlDecode(await noLogo.Content.ReadAsStringAsync()));
        var bomb = await ApplyAsync(contact, silver, "Bomb Inc", logo: "<!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&a;</text></svg>");
        Assert.Contains("could not be read safely", WebUtility.HtmlDecode(await bomb.Content.ReadAsStringAsync()));
        var badSite = await ApplyAsync(contact, silver, "Bad Site Inc", website: "javascript:alert(1)");
        Assert.Contains("full address", WebUtility.HtmlDecode(await badSite.Content.ReadAsStringAsync()));
        Assert.Equal(0, await fixture.Site.WithDbAsync(db => db.SponsorTiers.Where(t => t.Id == silver).Select(t => t.Taken).SingleAsync()));
        Assert.False(await fixture.Site.WithDbAsync(db => db.Sponsorships.AnyAsync(s => s.ContactEmail.StartsWith("casey@bad") || s.CompanyName.EndsWith(" Inc"))));
    }

    [Fact]
    public async Task Rejection_and_an_expired_hold_give_the_slot_back()
    {
        var community = await TierAsync("Community");
        var one = await ContactAsync("one@example.com");
        var two = await ContactAsync("two@example.com");
        await ApplyAsync(one, community, "Rejected Labs");
        await ApplyAsync(two, community, "Slow Labs");
        Assert.Equal(2, await fixture.Site.WithDbAsync(db => db.SponsorTiers.Where(t => t.Id == community).Select(t => t.Taken).SingleAsync()));

        var rejected = await fixture.Site.WithDbAsync(db => db.Sponsorships.SingleAsync(s => s.CompanyName == "Rejected Labs"));
        var organizer = await OrganizerAsync("boss2@sponsors.example.com");
        await organizer.PostFormAsync($"/admin/sponsors/{rejected.Id}?handler=Reject", new() { ["Message"] = "We are full this year." }, formPage: $"/admin/sponsors/{rejected.Id}");
        var email = await fixture.Smtp.WaitForAsync("casey@rejected-labs.example.com", m => m.Subject == "Your sponsorship application");
        Assert.Contains("We are full this year.", email.HtmlBody);
        Assert.Equal(1, await fixture.Site.WithDbAsync(db => db.SponsorTiers.Where(t => t.Id == community).Select(t => t.Taken).SingleAsync()));

        fixture.Site.Time.Advance(TimeSpan.FromDays(8)); // past the 7-day review hold
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await fixture.Site.WithDbAsync(db => db.Sponsorships.Where(s => s.CompanyName == "Slow Labs").Select(s => s.Status).SingleAsync()) != SponsorshipStatus.Expired && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(SponsorshipStatus.Expired, await fixture.Site.WithDbAsync(db => db.Sponsorships.Where(s => s.CompanyName == "Slow Labs").Select(s => s.Status).SingleAsync()));
        Assert.Equal(0, await fixture.Site.WithDbAsync(db => db.SponsorTiers.Where(t => t.Id == community).Select(t => t.Taken).SingleAsync()));
    }

    [Fact]
    public async Task Another_sponsors_portal_entry_answers_404_and_logo_changes_wait_for_approval()
    {
        var owner = await ContactAsync("owner@example.com");
        var intruder = await ContactAsync("intruder@example.com");
        await ApplyAsync(owner, await TierAsync("Silver"), "Owned Co");
        var s = await fixture.Site.WithDbAsync(db => db.Sponsorships.AsNoTracking().SingleAsync(x => x.CompanyName == "Owned Co"));

        var hijack = await intruder.PostFormAsync($"/my/sponsor?id={s.Id}&handler=Description", new() { ["Description"] = "Hijacked" }, formPage: "/my/sponsor");
        Assert.Equal(HttpStatusCode.NotFound, hijack.StatusCode);
        Assert.DoesNotContain("Owned Co", await intruder.GetStringAsync("/my/sponsor"));
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/sponsors/logo/{s.LogoId}")).StatusCode); // not live yet

        var page = await owner.GetStringAsync("/my/sponsor");
        var form = new MultipartFormDataContent
        {
            { new StringContent(HttpClientFormExtensions.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>")), "Logo", "new.svg" },
        };
        var upload = await owner.PostAsync($"/my/sponsor?id={s.Id}&handler=Logo", form);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var after = await fixture.Site.WithDbAsync(db => db.Sponsorships.AsNoTracking().SingleAsync(x => x.Id == s.Id));
        Assert.Equal(s.LogoId, after.LogoId);
        Assert.NotNull(after.PendingLogoId);
    }
}

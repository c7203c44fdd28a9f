using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Sponsors;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Sponsors;

/// <summary>Organizers create and edit sponsor tiers at /admin/sponsors/tiers/edit; refused changes leave the tier as it was.</summary>
public class TierAdminTests(SponsorsFixture fixture) : IClassFixture<SponsorsFixture>
{
    private static int _people;

    private async Task<HttpClient> OrganizerAsync()
    {
        var email = $"tiers{Interlocked.Increment(ref _people)}@organizers.example.com";
        await fixture.Site.CreateUserAsync(email, Roles.Organizer);
        return await fixture.Site.SignedInClientAsync(email);
    }

    private Task<SponsorTier?> TierAsync(string name) =>
        fixture.Site.WithDbAsync(db => db.SponsorTiers.AsNoTracking().SingleOrDefaultAsync(t => t.Name == name));

    private static Dictionary<string, string> Form(string name, string price = "1000", string slots = "5", string open = "true", string? typeId = null, string tickets = "0") => new()
    {
        ["Input.Name"] = name,
        ["Input.Price"] = price,
        ["Input.Slots"] = slots,
        ["Input.Benefits"] = "Logo on the site\nA <b>booth</b>",
        ["Input.IncludedTickets"] = tickets,
        ["Input.IncludedTicketTypeId"] = typeId ?? "",
        ["Input.SortOrder"] = "7",
        ["Input.Open"] = open,
    };

    private static async Task<string> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, not a redirect
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_organizer_creates_a_tier_and_edits_it()
    {
        var organizer = await OrganizerAsync();
        var regular = await fixture.Site.WithDbAsync(db => db.TicketTypes.Where(t => t.Name == "In-person Regular").Select(t => t.Id).SingleAsync());
        var created = await organizer.PostFormAsync("/admin/sponsors/tiers/edit", Form("Startup Row", price: "1500.50", slots: "4", typeId: regular.ToString(), tickets: "2"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var tier = await TierAsync("Startup Row");
        Assert.NotNull(tier);
        Assert.Equal(150050, tier.PriceMinor);
        Assert.Equal(4, tier.Slots);
        Assert.Equal(2, tier.IncludedTickets);
        Assert.Equal(regular, tier.IncludedTicketTypeId);
        Assert.Equal(7, tier.SortOrder);
        Assert.True(tier.Open);
        Assert.Equal(["Logo on the site", "A <b>booth</b>"], tier.BenefitList);
        var index = await organizer.GetStringAsync("/admin/sponsors");
        Assert.Contains("$1,500.50", index);
        Assert.Contains($"/admin/sponsors/tiers/edit/{tier.Id}", index);
        var apply = await fixture.Site.CreateClient().GetStringAsync("/sponsors");
        Assert.Contains("A &lt;b&gt;booth&lt;/b&gt;", apply); // organizer text is encoded on the public page

        var editPage = WebUtility.HtmlDecode(await organizer.GetStringAsync($"/admin/sponsors/tiers/edit/{tier.Id}"));
        Assert.Contains("value=\"1500.50\"", editPage);
        var edited = await organizer.PostFormAsync($"/admin/sponsors/tiers/edit/{tier.Id}", Form("Startup Alley", price: "2000", slots: "6", open: "false"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await fixture.Site.WithDbAsync(db => db.SponsorTiers.AsNoTracking().SingleAsync(t => t.Id == tier.Id));
        Assert.Equal("Startup Alley", after.Name);
        Assert.Equal(200000, after.PriceMinor);
        Assert.Equal(6, after.Slots);
        Assert.False(after.Open);
        Assert.Equal(0, after.IncludedTickets);
        Assert.Null(after.IncludedTicketTypeId);
    }

    [Fact]
    public async Task Slots_cannot_drop_below_the_sponsorships_holding_one_and_nothing_changes()
    {
        var tierId = await fixture.Site.WithDbAsync(async db =>
        {
            var t = new SponsorTier { Name = "Tiny", PriceMinor = 50000, Slots = 3, SortOrder = 20 };
            db.SponsorTiers.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });
        for (var i = 0; i < 2; i++)
        {
            await fixture.Site.CreateUserAsync($"tiny{i}@example.com");
            var contact = await fixture.Site.SignedInClientAsync($"tiny{i}@example.com");
            Assert.Equal(HttpStatusCode.Redirect, (await SponsorPipelineTests.ApplyAsync(contact, tierId, $"Tiny Co {i}")).StatusCode);
        }

        var organizer = await OrganizerAsync();
        var html = await RefusedAsync(await organizer.PostFormAsync($"/admin/sponsors/tiers/edit/{tierId}", Form("Tiny Renamed", price: "999", slots: "1")));
        Assert.Contains("2 sponsorship(s) hold a slot in this tier (applied, approved or live), so it needs at least 2 slots.", html);
        var after = await fixture.Site.WithDbAsync(db => db.SponsorTiers.AsNoTracking().SingleAsync(t => t.Id == tierId));
        Assert.Equal(("Tiny", 50000L, 3, 2), (after.Name, after.PriceMinor, after.Slots, after.Taken));

        // Down to exactly the slots held is allowed, and closes the tier to new applications.
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync($"/admin/sponsors/tiers/edit/{tierId}", Form("Tiny", price: "500", slots: "2"))).StatusCode);
        Assert.Equal(2, (await TierAsync("Tiny"))!.Slots);
    }

    [Fact]
    public async Task A_negative_price_or_a_name_already_used_is_refused_and_nothing_changes()
    {
        var organizer = await OrganizerAsync();
        var before = await fixture.Site.WithDbAsync(db => db.SponsorTiers.CountAsync());

        Assert.Contains("The price must be between $0 and $10,000,000.", await RefusedAsync(await organizer.PostFormAsync("/admin/sponsors/tiers/edit", Form("Negative", price: "-5"))));
        Assert.Contains("There is already a tier called gold.", await RefusedAsync(await organizer.PostFormAsync("/admin/sponsors/tiers/edit", Form("gold"))));
        Assert.Contains("Choose the ticket type of the included tickets.", await RefusedAsync(await organizer.PostFormAsync("/admin/sponsors/tiers/edit", Form("No Type", tickets: "3"))));
        Assert.Equal(before, await fixture.Site.WithDbAsync(db => db.SponsorTiers.CountAsync()));

        var silver = (await TierAsync("Silver"))!;
        Assert.Contains("There is already a tier called Gold.", await RefusedAsync(await organizer.PostFormAsync($"/admin/sponsors/tiers/edit/{silver.Id}", Form("Gold", price: "1"))));
        Assert.Contains("The price must be between", await RefusedAsync(await organizer.PostFormAsync($"/admin/sponsors/tiers/edit/{silver.Id}", Form("Silver", price: "-0.01"))));
        var after = (await TierAsync("Silver"))!;
        Assert.Equal((silver.PriceMinor, silver.Slots, silver.Benefits), (after.PriceMinor, after.Slots, after.Benefits));
    }

    [Fact]
    public async Task Only_organizers_reach_the_tier_form_and_it_needs_the_antiforgery_token()
    {
        await fixture.Site.CreateUserAsync("plain@tiers.example.com");
        var plain = await fixture.Site.SignedInClientAsync("plain@tiers.example.com");
        Assert.NotEqual(HttpStatusCode.OK, (await plain.GetAsync("/admin/sponsors/tiers/edit")).StatusCode);

        var organizer = await OrganizerAsync();
        var forged = await organizer.PostAsync("/admin/sponsors/tiers/edit", new FormUrlEncodedContent(Form("Forged Tier")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await TierAsync("Forged Tier"));
    }
}

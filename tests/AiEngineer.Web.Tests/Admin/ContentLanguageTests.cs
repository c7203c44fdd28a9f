using System.Net;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Schedule;
using AiEngineer.Web.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Admin;

/// <summary>
/// What organizers write has a version per language, side by side in the admin forms: a Chinese visitor sees the
/// Chinese, an English one the English, and an empty translation falls back to English.
/// </summary>
public class ContentLanguageTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private SiteFactory Site => fixture.Site;
    private Core.Conference.ConferenceEvent Seeded => fixture.Conference;

    private static async Task<string> GetAsync(HttpClient client, string path, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private Dictionary<string, string> Details(string chineseName, string chineseTagline) => new()
    {
        ["Details.Name"] = Seeded.Name, ["Details.Tagline"] = Seeded.Tagline,
        ["Details.Translations[zh-Hans:Name]"] = chineseName, ["Details.Translations[zh-Hans:Tagline]"] = chineseTagline,
        ["Details.StartDate"] = Seeded.StartDate.ToString("yyyy-MM-dd"), ["Details.EndDate"] = Seeded.EndDate.ToString("yyyy-MM-dd"),
        ["Details.VenueName"] = Seeded.VenueName, ["Details.VenueAddress"] = Seeded.VenueAddress, ["Details.City"] = Seeded.City,
        ["Details.TimeZoneId"] = Seeded.TimeZoneId, ["Details.StreamUrl"] = "", ["Details.StreamDetails"] = "",
    };

    [Fact]
    public async Task An_organizer_writes_the_chinese_tagline_beside_the_english_and_the_chinese_home_page_shows_it()
    {
        Assert.False(string.IsNullOrWhiteSpace(Seeded.Tagline));
        var organizer = await Site.OrganizerAsync("content.organizer@example.com");
        var form = WebUtility.HtmlDecode(await organizer.GetStringAsync("/admin/settings"));
        Assert.Contains("name=\"Details.Translations[zh-Hans:Tagline]\"", form);
        Assert.Contains("Tagline · 中文（简体）", form);

        var visitor = Site.CreateClient();
        Assert.Contains(Seeded.Tagline, await GetAsync(visitor, "/", "zh-CN")); // no translation yet: the English, and now cached

        var saved = await organizer.ShownAsync(await organizer.PostFormAsync("/admin/settings?handler=Details", Details("AI 工程师峰会", "AI 工程师相聚之地"), "/admin/settings"));
        Assert.Contains("The conference details are saved", saved);
        Assert.Contains("value=\"AI 工程师相聚之地\"", saved); // the form shows what is stored

        var chinese = await GetAsync(visitor, "/", "zh-CN");
        Assert.Contains("AI 工程师相聚之地", chinese);
        Assert.Contains("<h1 class=\"display-4 fw-bold mb-3\">AI 工程师峰会</h1>", chinese);
        Assert.Contains("<title>", chinese);
        var english = await GetAsync(visitor, "/", "en-US");
        Assert.Contains(Seeded.Tagline, english);
        Assert.DoesNotContain("AI 工程师相聚之地", english);

        // An emptied translation falls back to the English.
        await organizer.PostFormAsync("/admin/settings?handler=Details", Details("AI 工程师峰会", ""), "/admin/settings");
        Assert.Contains(Seeded.Tagline, await GetAsync(visitor, "/", "zh-CN"));
        var stored = await Site.WithDbAsync(db => db.Conferences.AsNoTracking().SingleAsync());
        Assert.Null(stored.Translations.Get("zh-Hans", "Tagline"));
        Assert.Equal("AI 工程师峰会", stored.Translations.Get("zh-Hans", "Name"));
    }

    [Fact]
    public async Task A_translation_over_the_limit_is_refused_and_nothing_is_saved()
    {
        var organizer = await Site.OrganizerAsync("content.limits@example.com");
        var before = await Site.WithDbAsync(db => db.Conferences.AsNoTracking().SingleAsync());
        var fields = Details("名", new string('长', Core.Conference.ConferenceEvent.TaglineMaxLength + 1));
        fields["Details.VenueName"] = "Somewhere else";
        var refused = await organizer.ShownAsync(await organizer.PostFormAsync("/admin/settings?handler=Details", fields, "/admin/settings"));
        Assert.Contains("Nothing was saved.", refused);
        Assert.Contains($"Tagline in 中文（简体） can be at most {Core.Conference.ConferenceEvent.TaglineMaxLength} characters.", refused);
        var after = await Site.WithDbAsync(db => db.Conferences.AsNoTracking().SingleAsync());
        Assert.Equal(before.VenueName, after.VenueName);
        Assert.Equal(before.Translations.ToJson(), after.Translations.ToJson());
    }

    [Fact]
    public async Task A_ticket_types_chinese_name_and_description_show_on_the_chinese_tickets_page()
    {
        var organizer = await Site.OrganizerAsync("content.tickets@example.com");
        var type = await Site.WithDbAsync(db => db.TicketTypes.AsNoTracking().Where(t => !t.Hidden).OrderBy(t => t.Id).FirstAsync());
        var edit = WebUtility.HtmlDecode(await organizer.GetStringAsync($"/admin/tickets/edit/{type.Id}"));
        Assert.Contains("name=\"Input.Translations[zh-Hans:Description]\"", edit);

        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = type.Name, ["Input.Description"] = type.Description, ["Input.Kind"] = type.Kind.ToString(),
            ["Input.Price"] = (type.PriceMinor / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Capacity"] = type.Capacity.ToString(), ["Input.MinPerOrder"] = type.MinPerOrder.ToString(), ["Input.MaxPerOrder"] = type.MaxPerOrder.ToString(),
            ["Input.SortOrder"] = type.SortOrder.ToString(),
            ["Input.SaleStartsAt"] = type.SaleStartsAt is { } s ? Seeded.ToLocal(s).ToString("yyyy-MM-ddTHH:mm") : "",
            ["Input.SaleEndsAt"] = type.SaleEndsAt is { } e ? Seeded.ToLocal(e).ToString("yyyy-MM-ddTHH:mm") : "",
            ["Input.Translations[zh-Hans:Name]"] = "现场通票", ["Input.Translations[zh-Hans:Description]"] = "三天全部现场议程与展区。",
        };
        var saved = await organizer.PostFormAsync($"/admin/tickets/edit/{type.Id}", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var visitor = Site.CreateClient();
        var chinese = await GetAsync(visitor, "/tickets", "zh-CN");
        Assert.Contains("现场通票", chinese);
        Assert.Contains("三天全部现场议程与展区。", chinese);
        var english = await GetAsync(visitor, "/tickets", "en");
        Assert.Contains(type.Name, english);
        Assert.DoesNotContain("现场通票", english);
    }
}

using System.Net;
using AiEngineer.Web.Tests.Cfp;
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
    public async Task The_refund_policy_has_a_chinese_field_beside_the_english_and_chinese_buyers_read_it_on_tickets_and_their_order()
    {
        var organizer = await Site.OrganizerAsync("content.refunds@example.com");
        var form = WebUtility.HtmlDecode(await organizer.GetStringAsync("/admin/settings"));
        Assert.Contains("name=\"Ticketing.Translations[zh-Hans:RefundPolicy]\"", form);
        Assert.Contains("Refund policy · 中文（简体）", form);

        var visitor = Site.CreateClient();
        Assert.Contains("活动开始 7 天前", await GetAsync(visitor, "/tickets", "zh-CN")); // the site's own Chinese of the standard text

        Dictionary<string, string> Ticketing(string english, string chinese) => new()
        {
            ["Ticketing.ReservationMinutes"] = "15", ["Ticketing.RefundPolicy"] = english, ["Ticketing.Translations[zh-Hans:RefundPolicy]"] = chinese,
        };
        var tooLong = await organizer.ShownAsync(await organizer.PostFormAsync("/admin/settings?handler=Ticketing",
            Ticketing("Refunds until the doors open.", new string('退', Core.Conference.ConferenceEvent.PolicyMaxLength + 1)), "/admin/settings"));
        Assert.Contains("Nothing was saved.", tooLong);
        Assert.Null(await Site.WithDbAsync(db => db.Conferences.Select(c => c.RefundPolicy).SingleAsync()));

        var saved = await organizer.PostFormAsync("/admin/settings?handler=Ticketing", Ticketing("Refunds until the doors open.", "开门前均可退款。"), "/admin/settings");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var chinese = await GetAsync(visitor, "/tickets", "zh-CN");
        Assert.Contains("开门前均可退款。", chinese);
        Assert.DoesNotContain("活动开始 7 天前", chinese);
        var english = await GetAsync(visitor, "/tickets", "en");
        Assert.Contains("Refunds until the doors open.", english);
        Assert.DoesNotContain("开门前均可退款。", english);

        // The order page of a Chinese buyer says the same.
        var type = await Site.WithDbAsync(db => db.TicketTypes.Where(t => !t.Hidden && t.PriceMinor > 0).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var buyer = Site.CreateBrowserlikeClient();
        await buyer.GetAsync("/language?c=zh-Hans&returnUrl=%2F");
        var order = await TicketsFixture.CheckoutAsync(buyer, new() { [type] = 1 }, "refunds.zh@example.com", method: "Invoice");
        var code = TicketsFixture.CodeFrom(order);
        var token = await Site.WithDbAsync(db => db.Orders.Where(o => o.Code == code).Select(o => o.AccessToken).SingleAsync());
        Assert.Contains("开门前均可退款。", WebUtility.HtmlDecode(await buyer.GetStringAsync($"/orders/{code}?token={token}")));

        // Emptied, the Chinese falls back to the organizers' English (no longer the standard text).
        await organizer.PostFormAsync("/admin/settings?handler=Ticketing", Ticketing("Refunds until the doors open.", ""), "/admin/settings");
        Assert.Contains("Refunds until the doors open.", await GetAsync(visitor, "/tickets", "zh-CN"));
        await Site.WithDbAsync(async db =>
        {
            var conference = await db.Conferences.SingleAsync();
            conference.RefundPolicy = null;
            await db.SaveChangesAsync();
        });
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

    [Fact]
    public async Task Tracks_formats_and_guidance_have_chinese_versions_in_admin_cfp_that_the_chinese_call_for_papers_shows()
    {
        var call = await Site.EnsureCallAsync();
        var organizer = await Site.OrganizerAsync("content.cfp@example.com");
        var track = await Site.WithDbAsync(db => db.Tracks.AsNoTracking().SingleAsync(t => t.Id == call.TrackId));
        var stored = await Site.WithDbAsync(db => db.CallsForPapers.AsNoTracking().Include(c => c.Formats).SingleAsync());
        var talk = stored.Formats.Single(f => f.Id == call.TalkId);

        var admin = WebUtility.HtmlDecode(await organizer.GetStringAsync("/admin/cfp"));
        Assert.Contains("name=\"Track.Translations[zh-Hans:Description]\"", admin);
        Assert.Contains("name=\"Window.Translations[zh-Hans:Guidance]\"", admin);

        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync("/admin/cfp?handler=Track", new()
        {
            ["Track.Id"] = track.Id.ToString(), ["Track.Name"] = track.Name, ["Track.Description"] = track.Description,
            ["Track.Translations[zh-Hans:Name]"] = "智能体专题", ["Track.Translations[zh-Hans:Description]"] = "能够自主规划与调用工具的系统。",
        }, "/admin/cfp")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync("/admin/cfp?handler=Format", new()
        {
            ["Format.Id"] = talk.Id.ToString(), ["Format.Name"] = talk.Name, ["Format.DurationMinutes"] = talk.DurationMinutes.ToString(),
            ["Format.MaxCoSpeakers"] = talk.MaxCoSpeakers.ToString(), ["Format.IsOpen"] = "true", ["Format.Translations[zh-Hans:Name]"] = "主题分享",
        }, "/admin/cfp")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync("/admin/cfp?handler=Window", new()
        {
            ["Window.OpensAt"] = Seeded.ToLocal(stored.OpensAt).ToString("yyyy-MM-ddTHH:mm"), ["Window.ClosesAt"] = Seeded.ToLocal(stored.ClosesAt).ToString("yyyy-MM-ddTHH:mm"),
            ["Window.Guidance"] = stored.Guidance, ["Window.Translations[zh-Hans:Guidance]"] = "我们看重**真实的生产经验**。",
        }, "/admin/cfp")).StatusCode);

        var visitor = Site.CreateClient();
        var chinese = await GetAsync(visitor, "/cfp", "zh-CN");
        Assert.Contains("智能体专题", chinese);
        Assert.Contains("能够自主规划与调用工具的系统。", chinese);
        Assert.Contains("主题分享", chinese);
        Assert.Contains("<strong>真实的生产经验</strong>", chinese);
        Assert.Contains("智能体专题", await GetAsync(visitor, "/", "zh-CN"));
        var english = await GetAsync(visitor, "/cfp", "en");
        Assert.Contains(track.Name, english);
        Assert.DoesNotContain("智能体专题", english);
        Assert.DoesNotContain("主题分享", english);

        // Bad input: a translation over the limit, or a second track of the same name, changes nothing.
        var tooLong = await organizer.ShownAsync(await organizer.PostFormAsync("/admin/cfp?handler=Track", new()
        {
            ["Track.Id"] = track.Id.ToString(), ["Track.Name"] = "Renamed", ["Track.Translations[zh-Hans:Name]"] = new string('长', Core.Conference.Track.NameMaxLength + 1),
        }, "/admin/cfp"));
        Assert.Contains("Nothing was saved.", tooLong);
        var twin = await organizer.ShownAsync(await organizer.PostFormAsync("/admin/cfp?handler=Track", new() { ["Track.Id"] = "0", ["Track.Name"] = track.Name }, "/admin/cfp"));
        Assert.Contains($"There is already a track called “{track.Name}”.", twin);
        var after = await Site.WithDbAsync(db => db.Tracks.AsNoTracking().ToListAsync());
        Assert.Equal(track.Name, after.Single(t => t.Id == track.Id).Name);
        Assert.Equal("智能体专题", after.Single(t => t.Id == track.Id).Translations.Get("zh-Hans", "Name"));
        Assert.Single(after, t => t.Name == track.Name);

        // A new track gets its address from the English name.
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync("/admin/cfp?handler=Track", new()
        {
            ["Track.Id"] = "0", ["Track.Name"] = "Robotics & Embodied AI", ["Track.Description"] = "Models that move.", ["Track.Translations[zh-Hans:Name]"] = "机器人与具身智能",
        }, "/admin/cfp")).StatusCode);
        var added = await Site.WithDbAsync(db => db.Tracks.AsNoTracking().SingleAsync(t => t.Name == "Robotics & Embodied AI"));
        Assert.Equal("robotics-embodied-ai", added.Slug);
        Assert.Contains("机器人与具身智能", await GetAsync(Site.CreateClient(), "/", "zh-CN"));
    }

    [Fact]
    public async Task A_rooms_chinese_name_is_saved_beside_the_english_in_rooms_and_slots()
    {
        var organizer = await Site.OrganizerAsync("content.rooms@example.com");
        var room = await Site.WithDbAsync(db => db.Rooms.AsNoTracking().OrderBy(r => r.Id).FirstAsync());
        var setup = WebUtility.HtmlDecode(await organizer.GetStringAsync("/admin/schedule/setup"));
        Assert.Contains($"name=\"Room.Translations[zh-Hans:Name]\"", setup);
        var saved = await organizer.PostFormAsync("/admin/schedule/setup?handler=Room", new()
        {
            ["Room.Id"] = room.Id.ToString(), ["Room.Name"] = room.Name, ["Room.Capacity"] = room.Capacity.ToString(),
            ["Room.Livestreamed"] = room.Livestreamed ? "true" : "false", ["Room.StreamUrl"] = room.StreamUrl ?? "", ["Room.SortOrder"] = room.SortOrder.ToString(),
            ["Room.Translations[zh-Hans:Name]"] = "主会场",
        }, "/admin/schedule/setup");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("主会场", await Site.WithDbAsync(db => db.Rooms.Where(r => r.Id == room.Id).Select(r => r.Translations).SingleAsync()).ContinueWith(t => t.Result.Get("zh-Hans", "Name")));
        Assert.Contains("value=\"主会场\"", WebUtility.HtmlDecode(await organizer.GetStringAsync("/admin/schedule/setup")));
    }
}

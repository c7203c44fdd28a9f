using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Email;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Site;

/// <summary>
/// The organizers' setup pages in Chinese: settings, ticket types, the call for papers, rooms and time slots, sponsor
/// tiers and email templates. Each page, with the demo's data plus an access code and a reworded email, shows no English
/// interface string; the label beside each translation box is Chinese; and a refused form answers in Chinese.
/// </summary>
public class SetupChinesePagesTests(SetupChinesePagesTests.Fixture fixture) : IClassFixture<SetupChinesePagesTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        protected override string Environment => "Development"; // the demo summit: ticket types, a call, tracks, rooms, slots, tiers

        public HttpClient Organizer { get; private set; } = null!;

        protected override async Task SeedAsync()
        {
            const string email = "zh.setup@example.com";
            await Site.CreateUserAsync(email, Roles.Organizer);
            await Site.WithDbAsync(async db =>
            {
                var user = await db.Users.SingleAsync(u => u.Email == email);
                user.Language = "zh-Hans"; // signing in puts Chinese in the cookie
                // An access code, so that the codes table shows; and a reworded template, so that "Edited" and "Restore" show.
                var call = await db.CallsForPapers.Include(c => c.Formats).FirstAsync();
                db.AccessCodes.Add(new AccessCode
                {
                    CallForPapersId = call.Id, Code = "ZH-LATE-1", Email = "late.speaker@example.com", SessionFormatId = call.Formats[0].Id,
                    ValidUntil = call.ClosesAt.AddDays(7), Note = "迟到的演讲者", CreatedAt = DateTime.UtcNow,
                });
                db.EmailTemplates.Add(new EmailTemplate
                {
                    Kind = "sponsors.received", Language = "en", Subject = "Thanks, {contact_name}", Body = "Hello {contact_name}, we have your application.",
                    UpdatedAt = DateTime.UtcNow,
                });
                await db.SaveChangesAsync();
            });
            Organizer = await Site.SignedInClientAsync(email);
            // The refund policy is the organizers' own text, shown in its box as written: here they wrote it in Chinese.
            var policy = await Organizer.PostFormAsync("/admin/settings?handler=Ticketing",
                new() { ["Ticketing.ReservationMinutes"] = "15", ["Ticketing.RefundPolicy"] = "大会开幕 7 天前可在订单页面自助取消订单并获得全额退款；此后门票不予退款，但可随时转让他人。" }, "/admin/settings");
            Assert.Equal(HttpStatusCode.Redirect, policy.StatusCode);
        }
    }

    private SiteFactory Site => fixture.Site;
    private HttpClient Organizer => fixture.Organizer;

    private async Task<string> ChineseAsync(string path, params string[] resources)
    {
        var response = await Organizer.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await NoEnglish.OnAsync(Site, Organizer, path, resources.Prepend("SiteText").ToArray()));
    }

    private static async Task<string> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, not a redirect
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_settings_page_is_chinese_and_labels_each_language_in_chinese()
    {
        var page = await ChineseAsync("/admin/settings", "AdminText", "AdminSettingsText");
        Assert.Contains("<h1>设置</h1>", page);
        Assert.Contains("标语 · 英文", page);
        Assert.Contains("标语 · 中文（简体）", page);
        Assert.Contains("行为准则 · 中文（简体）", page);
        Assert.Contains("name=\"Details.Translations[zh-Hans:Tagline]\"", page); // the boxes keep their names
        Assert.Contains("<a href=\"/admin/cfp\">征稿</a>中设置更早的截止时间。", page);
        Assert.DoesNotContain("Tagline · ", page);
    }

    [Fact]
    public async Task The_ticket_type_pages_are_chinese()
    {
        var type = await Site.WithDbAsync(db => db.TicketTypes.OrderBy(t => t.SortOrder).Select(t => t.Id).FirstAsync());
        await ChineseAsync("/admin/tickets", "AdminText", "AdminTicketsText");
        await ChineseAsync("/admin/tickets/edit", "AdminText", "AdminTicketsText");
        var edit = await ChineseAsync($"/admin/tickets/edit/{type}", "AdminText", "AdminTicketsText");
        Assert.Contains("名称 · 中文（简体）", edit);
        Assert.Matches("<option [^>]*value=\"InPerson\">现场</option>", edit); // the kind's label, its name as the value
    }

    [Fact]
    public async Task The_call_for_papers_settings_the_rooms_and_slots_and_the_tier_pages_are_chinese()
    {
        var cfp = await ChineseAsync("/admin/cfp", "AdminText", "AdminCfpText");
        Assert.Contains("评审关注什么 · 中文（简体）", cfp);
        Assert.Contains("<code>ZH-LATE-1</code>", cfp);
        Assert.Matches(@"\d{4}年\d+月\d+日 (上午|下午) \d+:\d\d", cfp);

        var setup = await ChineseAsync("/admin/schedule/setup", "AdminText", "AdminScheduleText");
        Assert.Matches(@"<h3 class=""h6 fw-bold mt-3"">\d+月\d+日 星期.</h3>", setup);

        var tier = await Site.WithDbAsync(db => db.SponsorTiers.OrderBy(t => t.SortOrder).Select(t => t.Id).FirstAsync());
        await ChineseAsync("/admin/sponsors/tiers/edit", "AdminText", "AdminSponsorsText");
        var edit = await ChineseAsync($"/admin/sponsors/tiers/edit/{tier}", "AdminText", "AdminSponsorsText");
        Assert.Contains("权益 · 中文（简体）", edit);
    }

    [Fact]
    public async Task The_email_template_pages_are_chinese_down_to_the_catalogs_names_and_placeholders()
    {
        // The subjects listed are the English wording of the emails themselves, shown as written; the admin menu is checked on the other pages.
        var list = await ChineseAsync("/admin/email/templates", "AdminEmailTemplatesText");
        foreach (var zh in new[] { "<h1>邮件模板</h1>", ">重置密码</a>", "有人申请重置密码时。", ">赞助商</h2>", ">默认</span>" }) Assert.Contains(zh, list);
        Assert.Matches(@">编辑于 \d+月\d+日</span>", list);

        var edit = await ChineseAsync("/admin/email/templates/edit?kind=sponsors.received", "AdminText", "AdminEmailTemplatesText");
        foreach (var zh in new[] { "<h1>申请已收到</h1>", "发送时机：企业申请赞助时。", "赞助商联系人姓名", "（网址：请用作链接目标）", "恢复默认", "<code>**粗体**</code>" })
            Assert.Contains(zh, edit);
        var chinese = await ChineseAsync("/admin/email/templates/edit?kind=cfp.receipt&lang=zh-Hans", "AdminText", "AdminEmailTemplatesText");
        Assert.Contains("使用中文（简体）的读者会收到此措辞。", chinese);
        Assert.Contains("（内容块：只能用于邮件内容，且须单独占一行）", chinese);
    }

    [Fact]
    public async Task Refused_setup_forms_answer_in_chinese()
    {
        var c = await Site.WithDbAsync(db => db.Conferences.AsNoTracking().FirstAsync());
        var details = new Dictionary<string, string>
        {
            ["Details.Name"] = "", ["Details.Tagline"] = c.Tagline, ["Details.Translations[zh-Hans:Tagline]"] = new string('长', Core.Conference.ConferenceEvent.TaglineMaxLength + 1),
            ["Details.StartDate"] = c.StartDate.ToString("yyyy-MM-dd"), ["Details.EndDate"] = c.EndDate.ToString("yyyy-MM-dd"), ["Details.TimeZoneId"] = c.TimeZoneId,
        };
        var settings = await RefusedAsync(await Organizer.PostFormAsync("/admin/settings?handler=Details", details, "/admin/settings"));
        Assert.Contains("未保存任何内容。", settings);
        Assert.Contains("请填写大会名称。", settings);
        var seats = await RefusedAsync(await Organizer.PostFormAsync("/admin/settings?handler=Ticketing", new() { ["Ticketing.ReservationMinutes"] = "1", ["Ticketing.RefundPolicy"] = "" }, "/admin/settings"));
        Assert.Contains("座位保留时长应为 5 到 120 分钟。", seats);
        Assert.Contains("请填写退款政策。", seats);
        Assert.DoesNotContain("Seats can be held", seats);

        var ticket = await RefusedAsync(await Organizer.PostFormAsync("/admin/tickets/edit", new()
        {
            ["Input.Name"] = "", ["Input.Kind"] = "InPerson", ["Input.Price"] = "-5", ["Input.Capacity"] = "10", ["Input.MinPerOrder"] = "1", ["Input.MaxPerOrder"] = "4", ["Input.SortOrder"] = "0",
        }));
        Assert.Contains("请填写名称。", ticket);
        Assert.Contains("价格必须在 0 到 1,000,000 美元之间。", ticket);

        var format = await Site.WithDbAsync(db => db.SessionFormats.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync());
        var code = await RefusedAsync(await Organizer.PostFormAsync("/admin/cfp?handler=Code",
            new() { ["Code.Code"] = "bad code!", ["Code.Email"] = "not-an-email", ["Code.SessionFormatId"] = format.ToString(), ["Code.ValidUntil"] = "2030-01-01T10:00" }, "/admin/cfp"));
        Assert.Contains("请输入有效的邮箱地址。", code);
        Assert.Contains("只能使用字母、数字和连字符。", code);
        var created = await Organizer.PostFormAsync("/admin/cfp?handler=Code",
            new() { ["Code.Code"] = "zh-ok-2", ["Code.Email"] = "speaker.two@example.com", ["Code.SessionFormatId"] = "", ["Code.ValidUntil"] = "2030-01-01T10:00" }, "/admin/cfp");
        Assert.Contains("已为 speaker.two@example.com 创建访问码 ZH-OK-2。", await Organizer.ShownAsync(created));
        var track = await RefusedAsync(await Organizer.PostFormAsync("/admin/cfp?handler=Track", new() { ["Track.Id"] = "0", ["Track.Name"] = "" }, "/admin/cfp"));
        Assert.Contains("请填写分论坛名称。", track);

        var room = await RefusedAsync(await Organizer.PostFormAsync("/admin/schedule/setup?handler=Room", new() { ["Room.Name"] = "", ["Room.Capacity"] = "-1", ["Room.SortOrder"] = "0" }, "/admin/schedule/setup"));
        Assert.Contains("未做任何更改。", room);
        Assert.Contains("请填写会场名称。", room);
        Assert.Contains("容量必须在 0 到 100000 之间。", room);
        var slot = await RefusedAsync(await Organizer.PostFormAsync("/admin/schedule/setup?handler=Slot",
            new() { ["Slot.Day"] = c.StartDate.ToString("yyyy-MM-dd"), ["Slot.Start"] = "10:00", ["Slot.End"] = "09:00", ["Slot.Repeat"] = "1", ["Slot.GapMinutes"] = "0" }, "/admin/schedule/setup"));
        Assert.Contains("时段的结束时间必须晚于开始时间。", slot);

        var tier = await RefusedAsync(await Organizer.PostFormAsync("/admin/sponsors/tiers/edit",
            new() { ["Input.Name"] = "", ["Input.Price"] = "100", ["Input.Slots"] = "5000", ["Input.IncludedTickets"] = "0", ["Input.SortOrder"] = "0" }));
        Assert.Contains("请填写赞助级别名称。", tier);
        Assert.Contains("名额必须在 0 到 1,000 之间。", tier);

        // The template's own checks are the domain's (in English); around them, the page is Chinese.
        const string page = "/admin/email/templates/edit?kind=sponsors.received";
        var template = await RefusedAsync(await Organizer.PostFormAsync(page + "&handler=Save", new() { ["Input.Subject"] = "", ["Input.Body"] = "" }, page));
        Assert.Contains("未保存任何内容。", template);
        var saved = await Organizer.PostFormAsync(page + "&handler=Save", new() { ["Input.Subject"] = "Thanks, {company}", ["Input.Body"] = "Hello {contact_name}." }, page);
        Assert.Contains("“申请已收到”已保存。此类邮件的下一封将使用新的措辞。", await Organizer.ShownAsync(saved));
        var test = await Organizer.PostFormAsync(page + "&handler=Test", [], page);
        Assert.Contains("一封使用示例值的测试邮件正在发往 zh.setup@example.com。", await Organizer.ShownAsync(test));
    }
}

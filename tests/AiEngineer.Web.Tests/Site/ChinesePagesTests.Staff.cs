using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Cfp;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Sponsors;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Site;

/// <summary>
/// The staff pages in Chinese: reviewers (/review), the door (/checkin) and the organizers' back office. Each page, with
/// the demo's data plus an order, a sponsor application and an email, shows no English interface string; and what a
/// person is told after an action (a refused form, a saved change) is Chinese.
/// </summary>
public class StaffChinesePagesTests(StaffChinesePagesTests.Fixture fixture) : IClassFixture<StaffChinesePagesTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        protected override string Environment => "Development"; // the demo summit: proposals, review open, a published schedule

        public HttpClient Organizer { get; private set; } = null!;
        public HttpClient Reviewer { get; private set; } = null!;
        public HttpClient Door { get; private set; } = null!;

        /// <summary>A staff account whose language is Chinese, so that signing in puts Chinese in its cookie.</summary>
        public async Task<HttpClient> ChineseStaffAsync(string email, string? role)
        {
            await Site.CreateUserAsync(email, role);
            await Site.WithDbAsync(async db =>
            {
                var user = await db.Users.SingleAsync(u => u.Email == email);
                user.Language = "zh-Hans";
                await db.SaveChangesAsync();
            });
            return await Site.SignedInClientAsync(email);
        }

        protected override async Task SeedAsync()
        {
            Organizer = await ChineseStaffAsync("zh.organizer@example.com", Roles.Organizer);
            Reviewer = await ChineseStaffAsync("zh.reviewer@example.com", Roles.Reviewer);
            Door = await ChineseStaffAsync("zh.door@example.com", Roles.CheckIn);

            // An order (with its confirmation email in the outbox) and a sponsor application to open.
            var type = await Site.WithDbAsync(db => db.TicketTypes.Where(t => !t.Hidden).OrderBy(t => t.SortOrder).Select(t => t.Id).FirstAsync());
            var comp = await Organizer.PostFormAsync("/admin/orders/comp", new() { ["TicketTypeId"] = type.ToString(), ["Attendees"] = "Mei Lin, mei.lin@example.com" });
            Assert.Equal(HttpStatusCode.Redirect, comp.StatusCode);
            var contact = await ChineseStaffAsync("zh.sponsor@example.com", null);
            var tier = await Site.WithDbAsync(db => db.SponsorTiers.OrderBy(t => t.SortOrder).Select(t => t.Id).FirstAsync());
            var applied = await SponsorPipelineTests.ApplyAsync(contact, tier, "Lotus Vectors");
            Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        }
    }

    private SiteFactory Site => fixture.Site;

    private async Task ChineseAsync(HttpClient client, string path, params string[] resources)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        await NoEnglish.OnAsync(Site, client, path, resources.Prepend("SiteText").ToArray());
    }

    private Task<int> ReviewableProposalAsync() => Site.WithDbAsync(db => db.Proposals
        .Where(p => p.State == ProposalState.Submitted).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/orders")]
    [InlineData("/admin/orders?status=Paid")]
    [InlineData("/admin/orders/comp")]
    [InlineData("/admin/people")]
    [InlineData("/admin/exports")]
    [InlineData("/admin/review")]
    [InlineData("/admin/review/proposals")]
    [InlineData("/admin/review/notifications")]
    [InlineData("/admin/schedule")]
    public async Task An_organizer_page_in_chinese_shows_no_english_interface_string(string path) =>
        await ChineseAsync(fixture.Organizer, path, "AdminText");

    [Fact]
    public async Task The_detail_pages_sponsors_the_audit_log_and_the_published_versions_are_chinese()
    {
        var order = await Site.WithDbAsync(db => db.Orders.OrderByDescending(o => o.Id).Select(o => o.Id).FirstAsync());
        var person = await Site.WithDbAsync(db => db.Users.Where(u => u.Email == "zh.sponsor@example.com").Select(u => u.Id).SingleAsync());
        var sponsor = await Site.WithDbAsync(db => db.Sponsorships.Where(s => s.CompanyName == "Lotus Vectors").Select(s => s.Id).SingleAsync());
        await ChineseAsync(fixture.Organizer, $"/admin/orders/{order}", "AdminText");
        await ChineseAsync(fixture.Organizer, $"/admin/people/{person}", "AdminText");
        await ChineseAsync(fixture.Organizer, "/admin/sponsors", "AdminText", "AdminSponsorsText");
        await ChineseAsync(fixture.Organizer, $"/admin/sponsors/{sponsor}", "AdminText", "AdminSponsorsText");

        // What these two pages list is stored as it was recorded: the audit log's record types and fields are the code's
        // own names, and a version's changelog was written in English when it was published. Around them, Chinese.
        var audit = WebUtility.HtmlDecode(await fixture.Organizer.GetStringAsync("/admin/audit?who=nobody-matches"));
        foreach (var zh in new[] { "<h1>审计日志</h1>", "操作人（邮箱）", "没有符合条件的记录。", ">筛选<", ">新增<", ">修改<", ">删除<", "共 0 条记录。" }) Assert.Contains(zh, audit);
        foreach (var en in new[] { "Who (email)", "Nothing matches.", ">Filter<", ">Modified<" }) Assert.DoesNotContain(en, audit);
        var versions = WebUtility.HtmlDecode(await fixture.Organizer.GetStringAsync("/admin/schedule/versions"));
        foreach (var zh in new[] { "<h1>已发布版本</h1>", ">版本 1<", "每次发布都会生成一个新版本。" }) Assert.Contains(zh, versions);
        Assert.Matches(@"\d+月\d+日 周. (上午|下午) \d+:\d\d 发布于|发布于 \d+月\d+日 周. (上午|下午) \d+:\d\d", versions);
        Assert.DoesNotContain("Published versions", versions);
    }

    [Fact]
    public async Task The_email_pages_and_the_voucher_page_are_chinese()
    {
        var email = await Site.WithDbAsync(db => db.OutboundEmails.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        await ChineseAsync(fixture.Organizer, "/admin/email", "AdminText", "AdminEmailText");
        await ChineseAsync(fixture.Organizer, $"/admin/email/{email}", "AdminText", "AdminEmailText");
        await ChineseAsync(fixture.Organizer, "/admin/email/compose", "AdminText", "AdminEmailText");
        await ChineseAsync(fixture.Organizer, "/admin/vouchers", "AdminText", "AdminVouchersText");
    }

    [Fact]
    public async Task The_reviewer_pages_and_the_door_are_chinese()
    {
        var id = await ReviewableProposalAsync();
        await ChineseAsync(fixture.Reviewer, "/review", "ReviewText");
        await ChineseAsync(fixture.Reviewer, "/review/profile", "ReviewText");
        await ChineseAsync(fixture.Reviewer, $"/review/{id}", "ReviewText");
        var door = await fixture.Door.GetStringAsync("/checkin");
        Assert.Contains("data-point=\"请将摄像头对准二维码。\"", door); // checkin.js's words come from the server
        await ChineseAsync(fixture.Door, "/checkin", "CheckinText");
    }

    [Fact]
    public async Task A_reviewer_and_the_door_are_answered_in_chinese()
    {
        var tooLong = await fixture.Reviewer.PostFormAsync("/review/profile", new() { ["Input.Company"] = new string('x', 500) });
        var refused = await fixture.Reviewer.ShownAsync(tooLong);
        Assert.Contains("公司名称最多", refused);
        Assert.DoesNotContain("at most", refused);

        var id = await ReviewableProposalAsync();
        var criteria = await Site.WithDbAsync(db => db.ReviewCriteria.Select(c => c.Id).ToListAsync());
        var form = criteria.ToDictionary(c => $"Input.Scores[{c}]", _ => "4");
        form["Input.Comment"] = "清晰，有实战经验。";
        var saved = await fixture.Reviewer.PostFormAsync($"/review/{id}", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("评审已保存。", await fixture.Reviewer.ShownAsync(saved));

        var scan = await fixture.Door.PostFormAsync("/checkin", new() { ["Code"] = "NOSUCHCODE123456" });
        var page = WebUtility.HtmlDecode(await scan.Content.ReadAsStringAsync());
        Assert.Contains("无效票", page);
        Assert.Contains("没有与此票码对应的门票。", page);
        Assert.DoesNotContain("No ticket has this code.", page);
    }

    [Fact]
    public async Task An_organizer_is_answered_in_chinese()
    {
        // A refused voucher: the field's standard message with its Chinese name, and the page's own message.
        var empty = await fixture.Organizer.PostFormAsync("/admin/vouchers", new() { ["Input.Code"] = "", ["Input.Kind"] = "PercentOff", ["Input.Value"] = "10", ["Input.MaxUses"] = "5" });
        var refused = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        Assert.Contains("请填写优惠码。", refused);
        Assert.Contains("<option selected=\"selected\" value=\"PercentOff\">按比例折扣</option>", refused);
        var created = await fixture.Organizer.PostFormAsync("/admin/vouchers", new() { ["Input.Code"] = "ZHVIP", ["Input.Kind"] = "PercentOff", ["Input.Value"] = "10", ["Input.MaxUses"] = "5" });
        Assert.Contains("已创建优惠码 ZHVIP。", await fixture.Organizer.ShownAsync(created));
        var again = await fixture.Organizer.PostFormAsync("/admin/vouchers", new() { ["Input.Code"] = "zhvip", ["Input.Kind"] = "PercentOff", ["Input.Value"] = "10", ["Input.MaxUses"] = "5" });
        Assert.Contains("优惠码 ZHVIP 已存在。", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));

        var comp = await fixture.Organizer.PostFormAsync("/admin/orders/comp", new() { ["TicketTypeId"] = "0", ["Attendees"] = "no comma here" });
        var compPage = WebUtility.HtmlDecode(await comp.Content.ReadAsStringAsync());
        Assert.Contains("请选择票种。", compPage);
        Assert.Contains("第 1 行", compPage);

        var compose = await fixture.Organizer.PostFormAsync("/admin/email/compose?handler=Send", new() { ["Input.Key"] = Guid.NewGuid().ToString(), ["Input.Segment"] = "AllAttendees", ["Input.Subject"] = "", ["Input.Body"] = "" }, "/admin/email/compose");
        var composePage = WebUtility.HtmlDecode(await compose.Content.ReadAsStringAsync());
        Assert.Contains("没有发送任何邮件。", composePage);
        Assert.Contains("请填写主题。", composePage);

        var me = await Site.WithDbAsync(db => db.Users.Where(u => u.Email == "zh.organizer@example.com").Select(u => u.Id).SingleAsync());
        var demote = await fixture.Organizer.PostFormAsync($"/admin/people/{me}?handler=Roles", new() { ["roles"] = Roles.Reviewer }, $"/admin/people/{me}");
        Assert.Contains("您不能移除自己的主办方角色", WebUtility.HtmlDecode(await demote.Content.ReadAsStringAsync()));

        var removed = await fixture.Organizer.PostFormAsync("/admin/review/proposals?handler=Decide", new() { ["decision"] = "Accepted" }, "/admin/review/proposals");
        Assert.Contains("请至少选择一份投稿和一项决定。", await fixture.Organizer.ShownAsync(removed));
    }
}

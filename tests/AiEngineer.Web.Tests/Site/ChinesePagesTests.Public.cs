using System.Net;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Tests.Cfp;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiEngineer.Web.Tests.Site;

/// <summary>
/// The visitor's pages in Chinese: checkout and the order pages, signing in and creating an account, "My summit", and
/// the speaker, sponsor and live pages. Each renders with no English interface string, and what a person is told after
/// an action (a refused form, a rule of the call for papers) is Chinese too.
/// </summary>
public class ChinesePublicPagesTests(ChinesePublicPagesTests.Fixture fixture) : IClassFixture<ChinesePublicPagesTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        protected override string Environment => "Development"; // the demo summit
    }

    private SiteFactory Site => fixture.Site;

    /// <summary>A client whose language is Chinese (the header's link sets the cookie), as a person who chose it.</summary>
    private async Task<HttpClient> ChineseClientAsync(HttpClient? client = null)
    {
        client ??= Site.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/language?c=zh-Hans&returnUrl=%2F")).StatusCode);
        return client;
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private Task<int> AddTypeAsync(string name, long price, TicketKind kind = TicketKind.InPerson) => Site.WithDbAsync(async db =>
    {
        var type = new TicketType { Name = name, Kind = kind, PriceMinor = price, Capacity = 20, MaxPerOrder = 5 };
        db.TicketTypes.Add(type);
        await db.SaveChangesAsync();
        return type.Id;
    });

    // ---- Checkout and orders ----

    [Fact]
    public async Task Checkout_in_chinese_shows_no_english()
    {
        var inPerson = await AddTypeAsync("Chinese Checkout Pass", 45_000);
        var remote = await AddTypeAsync("Chinese Checkout Stream", 5_000, TicketKind.Remote);
        var html = await NoEnglish.OnAsync(Site, Site.CreateClient(), $"/tickets/checkout?qty[{inPerson}]=1&qty[{remote}]=1", "SiteText", "TicketsText");
        Assert.Contains("填写信息", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task A_refused_checkout_tells_the_buyer_why_in_chinese()
    {
        var type = await AddTypeAsync("Chinese Refused Pass", 45_000);
        var client = await ChineseClientAsync();
        var invalid = await TicketsFixture.CheckoutAsync(client, new() { [type] = 1 }, "refused.zh@example.com",
            tamper: f => { f["Input.BuyerName"] = ""; f["Input.Attendees[0].Email"] = "not-an-address"; });
        var page = await TextAsync(invalid);
        Assert.Contains("您的订单未能提交：", page);
        Assert.Contains("请填写购票人姓名。", page);
        Assert.Contains("电子邮件不是有效的电子邮件地址。", page);
        Assert.DoesNotContain("Your order was not placed", page);

        // A rule of the sale (Core's message, a known sentence) is in Chinese as well.
        var voucher = await TicketsFixture.CheckoutAsync(client, new() { [type] = 1 }, "voucher.zh@example.com", voucher: "NO-SUCH-CODE");
        Assert.Contains("该优惠码无效。", await TextAsync(voucher));
    }

    private async Task<(string Code, string Token)> InvoiceOrderAsync(HttpClient client, string email, string typeName)
    {
        var type = await AddTypeAsync(typeName, 45_000);
        var response = await TicketsFixture.CheckoutAsync(client, new() { [type] = 2 }, email, method: "Invoice");
        var code = TicketsFixture.CodeFrom(response);
        var token = await Site.WithDbAsync(db => db.Orders.Where(o => o.Code == code).Select(o => o.AccessToken).SingleAsync());
        return (code, token);
    }

    [Fact]
    public async Task An_order_awaiting_payment_and_a_paid_one_show_no_english()
    {
        var client = await ChineseClientAsync();
        var (code, token) = await InvoiceOrderAsync(client, "order.zh@example.com", "Chinese Order Pass");
        var pending = WebUtility.HtmlDecode(await NoEnglish.OnAsync(Site, client, $"/orders/{code}?token={token}", "SiteText", "OrdersText"));
        Assert.Contains("待支付", pending);
        Assert.Contains("data-format=\"{0} 分 {1} 秒\"", pending); // tickets.js's words
        Assert.Contains("并在附言中注明 <strong>" + code + "</strong>", pending);

        await Site.WithDbAsync(async db =>
        {
            var order = await db.Orders.SingleAsync(o => o.Code == code);
            order.Status = OrderStatus.Paid;
            order.PaidAt = order.CreatedAt;
            await db.SaveChangesAsync();
        });
        var paid = WebUtility.HtmlDecode(await NoEnglish.OnAsync(Site, client, $"/orders/{code}?token={token}", "SiteText", "OrdersText"));
        Assert.Contains("您已成功报名！", paid);
        Assert.Contains("（发票）", paid); // the payment method's label
        Assert.Contains("的二维码\"", paid);
    }

    [Fact]
    public async Task The_payment_page_and_an_order_action_speak_chinese()
    {
        var client = await ChineseClientAsync();
        var (code, token) = await InvoiceOrderAsync(client, "pay.zh@example.com", "Chinese Pay Pass");
        await Site.WithDbAsync(async db =>
        {
            var order = await db.Orders.SingleAsync(o => o.Code == code);
            order.PaymentMethod = PaymentMethod.Card; // no card provider in this site: the page says so
            await db.SaveChangesAsync();
        });
        var pay = WebUtility.HtmlDecode(await NoEnglish.OnAsync(Site, client, $"/orders/{code}/pay?token={token}", "SiteText", "OrdersText"));
        Assert.Contains("目前暂不支持银行卡支付，请联系主办方。", pay);

        var link = $"/orders/{code}?token={token}";
        var ticket = await Site.WithDbAsync(db => db.Tickets.Where(t => t.Order.Code == code).Select(t => t.Id).FirstAsync());
        var edit = await client.PostFormAsync(link + "&handler=Edit", new()
        {
            ["Attendee.TicketId"] = ticket.ToString(), ["Attendee.Name"] = "Lin", ["Attendee.Email"] = "lin@example.com", ["Attendee.ShirtSize"] = "XXXXL",
        }, formPage: link);
        var shown = await client.ShownAsync(edit);
        Assert.Contains("未知的 T 恤尺码“XXXXL”。", shown);
        Assert.DoesNotContain("Unknown T-shirt size", shown);
    }

    // ---- Signing in and creating an account ----

    [Theory]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/Identity/Account/Register")]
    public async Task Sign_in_and_registration_show_no_english(string path) =>
        await NoEnglish.OnAsync(Site, Site.CreateClient(), path, "SiteText", "AccountText");

    [Fact]
    public async Task Identitys_own_refusals_and_the_forms_are_in_chinese()
    {
        var client = await ChineseClientAsync();
        Dictionary<string, string> Registration(string email, string password) => new()
        {
            ["Input.DisplayName"] = "Lin Wei", ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        };
        var weak = await TextAsync(await client.PostFormAsync("/Identity/Account/Register", Registration("weak.zh@example.com", "alllowercase1")));
        Assert.Contains("密码至少需要包含一个大写字母（A-Z）。", weak);
        Assert.DoesNotContain("Passwords must", weak);

        await Site.CreateUserAsync("taken.zh@example.com");
        var taken = await TextAsync(await client.PostFormAsync("/Identity/Account/Register", Registration("taken.zh@example.com", SiteFactory.Password)));
        Assert.Contains("电子邮件“taken.zh@example.com”已被注册。", taken);
        Assert.DoesNotContain("is already taken", taken);

        var mismatch = await TextAsync(await client.PostFormAsync("/Identity/Account/Register", new()
        {
            ["Input.DisplayName"] = "", ["Input.Email"] = "x.zh@example.com", ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "other",
        }));
        Assert.Contains("请填写您的姓名。", mismatch);            // the standard message with the field's Chinese name
        Assert.Contains("密码至少需要 10 个字符。", mismatch);
        Assert.Contains("两次输入的密码不一致。", mismatch);

        var wrong = await TextAsync(await client.PostFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = "taken.zh@example.com", ["Input.Password"] = "Wrong-password-1" }));
        Assert.Contains("电子邮件或密码不正确。", wrong);
        var empty = await TextAsync(await client.PostFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = "", ["Input.Password"] = "" }));
        Assert.Contains("请填写电子邮件。", empty);
        Assert.Contains("请填写密码。", empty);
    }

    [Fact]
    public void The_error_describer_speaks_identitys_own_english_and_replaces_every_message()
    {
        using var scope = Site.Services.CreateScope();
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        try
        {
            var ours = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IdentityErrorDescriber>();
            Assert.IsType<Web.Areas.Identity.Pages.Account.AccountErrorDescriber>(ours);
            var identitys = new Microsoft.AspNetCore.Identity.IdentityErrorDescriber();
            var methods = typeof(Microsoft.AspNetCore.Identity.IdentityErrorDescriber).GetMethods()
                .Where(m => m.IsVirtual && m.ReturnType == typeof(Microsoft.AspNetCore.Identity.IdentityError)).ToList();
            Assert.True(methods.Count >= 20);
            foreach (var method in methods)
            {
                Assert.True(ours.GetType().GetMethod(method.Name, method.GetParameters().Select(p => p.ParameterType).ToArray())!.DeclaringType == ours.GetType(),
                    $"{method.Name} is not translated");
                var args = method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)7 : "someone@example.com").ToArray();
                var english = (Microsoft.AspNetCore.Identity.IdentityError)method.Invoke(identitys, args)!;
                var translated = (Microsoft.AspNetCore.Identity.IdentityError)method.Invoke(ours, args)!;
                Assert.Equal(english.Code, translated.Code);
                Assert.Equal(english.Description, translated.Description);
            }
        }
        finally { System.Globalization.CultureInfo.CurrentUICulture = culture; }
    }

    // ---- My summit ----

    /// <summary>A signed-in person whose language is Chinese, with a draft proposal, an order and a paid sponsorship.</summary>
    private async Task<(HttpClient Client, int Proposal)> ChineseSpeakerAsync(string email)
    {
        var user = await Site.CreateUserAsync(email);
        var client = await ChineseClientAsync(await Site.SignedInClientAsync(email));
        var call = await Site.EnsureCallAsync();
        var proposal = await client.CreateProposalAsync(call, "Evals in Chinese");
        await InvoiceOrderAsync(client, email, "My Chinese Pass " + email);
        await Site.WithDbAsync(async db =>
        {
            var tier = await db.SponsorTiers.OrderBy(t => t.SortOrder).FirstAsync();
            var now = Site.Time.GetUtcNow().UtcDateTime;
            db.Sponsorships.Add(new Core.Sponsors.Sponsorship
            {
                Slug = "zh-" + user.Id[..8], TierId = tier.Id, ContactUserId = user.Id, CompanyName = "Zhong Labs " + user.Id[..4], Website = "https://zhong.example.com",
                ContactName = "Lin", ContactEmail = email, ContactPhone = "+86 10 5555 0100", BillingAddress = "1 Chang'an Ave, Beijing", VatId = "CN123",
                Description = "Labs.", Status = Core.Sponsors.SponsorshipStatus.Live, CreatedAt = now, HoldExpiresAt = now.AddDays(14), PaidAt = now,
                PaymentMethod = Core.Sponsors.SponsorPayment.Invoice, PaymentReference = "BANK-42", IdempotencyKey = Guid.NewGuid(),
            });
            db.Sponsorships.Add(new Core.Sponsors.Sponsorship
            {
                Slug = "zh2-" + user.Id[..8], TierId = tier.Id, ContactUserId = user.Id, CompanyName = "Zhong Labs Approved " + user.Id[..4], Website = "https://zhong.example.com",
                ContactName = "Lin", ContactEmail = email, ContactPhone = "+86 10 5555 0100", BillingAddress = "1 Chang'an Ave, Beijing",
                Description = "Labs.", Status = Core.Sponsors.SponsorshipStatus.Approved, CreatedAt = now, HoldExpiresAt = now.AddDays(14), IdempotencyKey = Guid.NewGuid(),
            });
            await db.SaveChangesAsync();
        });
        return (client, proposal);
    }

    [Fact]
    public async Task Every_my_summit_page_in_chinese_shows_no_english()
    {
        var (client, proposal) = await ChineseSpeakerAsync("my.zh@example.com");
        string[] pages =
        [
            "/my", "/my/tickets", "/my/data", "/my/two-factor-required?returnUrl=%2Fadmin", "/my/availability", "/my/profile",
            "/my/submissions", "/my/submissions/edit", $"/my/submissions/edit/{proposal}", $"/my/submissions/{proposal}", "/my/sponsor",
        ];
        foreach (var page in pages)
            await NoEnglish.OnAsync(Site, client, page, "SiteText", "MyText", "RuleText");
        var sponsor = WebUtility.HtmlDecode(await client.GetStringAsync("/my/sponsor"));
        Assert.Contains("（通过发票支付）（付款编号 BANK-42）", sponsor);
        Assert.Contains("，增值税号 CN123。", sponsor);
        var details = WebUtility.HtmlDecode(await client.GetStringAsync($"/my/submissions/{proposal}"));
        Assert.Contains(">草稿</span>", details); // the state badge's label
    }

    [Fact]
    public async Task A_refused_rule_of_the_call_and_refused_forms_are_in_chinese_and_the_english_stays_as_it_was()
    {
        var (client, proposal) = await ChineseSpeakerAsync("rules.zh@example.com");
        var link = $"/my/submissions/{proposal}";
        Assert.Contains("您的提案已撤回。", await client.ShownAsync(await client.PostFormAsync(link + "?handler=Withdraw", new(), formPage: link)));
        var again = await client.ShownAsync(await client.PostFormAsync(link + "?handler=Withdraw", new(), formPage: link));
        Assert.Contains("该提案当前状态为“已撤回”，无法撤回。", again); // the state's label inside the rule's sentence
        Assert.DoesNotContain("cannot be withdrawn", again);

        // The same refusal in English is the Core's own sentence.
        await Site.CreateUserAsync("rules.en@example.com");
        var english = await Site.SignedInClientAsync("rules.en@example.com");
        var call = await Site.EnsureCallAsync();
        var id = await english.CreateProposalAsync(call, "Evals in English");
        var enLink = $"/my/submissions/{id}";
        await english.PostFormAsync(enLink + "?handler=Withdraw", new(), formPage: enLink);
        var enAgain = await english.ShownAsync(await english.PostFormAsync(enLink + "?handler=Withdraw", new(), formPage: enLink));
        Assert.Contains("This proposal is withdrawn; it cannot be withdrawn.", enAgain);

        var profile = await TextAsync(await client.PostFormAsync("/my/profile", new() { ["Input.DisplayName"] = "", ["Input.Website"] = "javascript:alert(1)" }));
        Assert.Contains("请填写要在大会议程上显示的姓名。", profile);
        Assert.Contains("个人网站必须是以 https:// 或 http:// 开头的完整网址。", profile);

        var days = await Site.WithDbAsync(db => db.Conferences.Select(c => new { c.StartDate, c.DayCount }).FirstAsync());
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < days.DayCount; i++)
        {
            fields[$"Days[{i}].Day"] = days.StartDate.AddDays(i).ToString("yyyy-MM-dd");
            fields[$"Days[{i}].Choice"] = i == 0 ? "Part" : "AllDay";
        }
        var availability = await TextAsync(await client.PostFormAsync("/my/availability", fields));
        Assert.Contains("：请填写可演讲的开始和结束时间。", availability);
        Assert.Contains(days.StartDate.ToString("M月d日"), availability);
    }

    // ---- Co-speaker invitations, speakers, sponsors, live, conference texts ----

    /// <summary>An invitation to a new proposal of a new speaker; its token, as the email would carry it.</summary>
    private async Task<(int Proposal, string Token, HttpClient Owner)> InvitationAsync(string owner, string invited)
    {
        var (client, proposal) = await ChineseSpeakerAsync(owner);
        var token = await Site.WithDbAsync(async db =>
        {
            var p = await db.Proposals.Include(x => x.Speakers).Include(x => x.Invitations).SingleAsync(x => x.Id == proposal);
            var (_, token) = p.InviteCoSpeaker(invited, p.Speakers.Single().UserId, 3, Site.Time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return token;
        });
        return (proposal, token, client);
    }

    [Fact]
    public async Task The_public_speaker_sponsor_live_and_conference_pages_show_no_english()
    {
        var (_, token, _) = await InvitationAsync("inviter.zh@example.com", "invitee.zh@example.com");
        var anonymous = Site.CreateClient();
        var invitation = WebUtility.HtmlDecode(await NoEnglish.OnAsync(Site, anonymous, $"/cfp/invitations/{Uri.EscapeDataString(token)}", "SiteText", "CfpText"));
        Assert.Contains("此邀请发送给了 <strong>invitee.zh@example.com</strong>。", invitation);

        var speakers = await NoEnglish.OnAsync(Site, anonymous, "/speakers", "SiteText", "SpeakersText");
        var slug = System.Text.RegularExpressions.Regex.Match(speakers, "href=\"/speakers/([a-z0-9-]+)\"").Groups[1].Value;
        Assert.NotEmpty(slug);
        await NoEnglish.OnAsync(Site, anonymous, $"/speakers/{slug}", "SiteText", "SpeakersText", "ScheduleText");

        var sponsors = await NoEnglish.OnAsync(Site, anonymous, "/sponsors", "SiteText", "SponsorsText");
        Assert.Contains("申请赞助", sponsors);
        var (signedIn, _) = await ChineseSpeakerAsync("sponsor.zh@example.com"); // with a live sponsorship
        var live = await Site.WithDbAsync(db => db.Sponsorships.Where(x => x.ContactEmail == "sponsor.zh@example.com" && x.Status == Core.Sponsors.SponsorshipStatus.Live).Select(x => x.Slug).SingleAsync());
        Assert.Contains("访问 Zhong Labs", WebUtility.HtmlDecode(await NoEnglish.OnAsync(Site, anonymous, $"/sponsors/{live}", "SiteText", "SponsorsText")));
        await NoEnglish.OnAsync(Site, signedIn, "/sponsors/apply", "SiteText", "SponsorsText");

        await NoEnglish.OnAsync(Site, anonymous, "/live", "SiteText", "LiveText");
        var buyer = await ChineseClientAsync();
        var (code, _) = await InvoiceOrderAsync(buyer, "live.zh@example.com", "Chinese Live Pass");
        var ticket = await Site.WithDbAsync(async db =>
        {
            var order = await db.Orders.Include(o => o.Tickets).SingleAsync(o => o.Code == code);
            order.Status = OrderStatus.Paid;
            order.PaidAt = order.CreatedAt;
            await db.SaveChangesAsync();
            return order.Tickets.First().Code;
        });
        var watching = WebUtility.HtmlDecode(await NoEnglish.OnAsync(Site, anonymous, $"/live?ticket={ticket}", "SiteText", "LiveText", "ScheduleText"));
        Assert.Contains("欢迎您，", watching);

        Assert.Contains("<h1>行为准则</h1>", await NoEnglish.OnAsync(Site, anonymous, "/code-of-conduct", "SiteText"));
        Assert.Contains("<h1>隐私政策</h1>", await NoEnglish.OnAsync(Site, anonymous, "/privacy", "SiteText"));
    }

    [Fact]
    public async Task An_invitation_refused_by_a_rule_and_a_refused_sponsor_application_are_in_chinese()
    {
        var (proposal, token, owner) = await InvitationAsync("owner.zh@example.com", "joiner.zh@example.com");
        var link = $"/my/submissions/{proposal}";
        await owner.PostFormAsync(link + "?handler=Withdraw", new(), formPage: link);
        await Site.CreateUserAsync("joiner.zh@example.com");
        var joiner = await ChineseClientAsync(await Site.SignedInClientAsync("joiner.zh@example.com"));
        var path = $"/cfp/invitations/{Uri.EscapeDataString(token)}";
        var refused = await TextAsync(await joiner.PostFormAsync(path, new()));
        Assert.Contains("该提案当前状态为“已撤回”，不能再添加演讲者。", refused);
        Assert.DoesNotContain("takes no more speakers", refused);

        var page = await joiner.GetStringAsync("/sponsors/apply");
        var form = new MultipartFormDataContent
        {
            { new StringContent(HttpClientFormExtensions.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(Guid.NewGuid().ToString()), "Input.IdempotencyKey" },
            { new StringContent(""), "Input.CompanyName" },
            { new StringContent("example.com"), "Input.Website" },
            { new StringContent("Lin"), "Input.ContactName" },
            { new StringContent("lin@example.com"), "Input.ContactEmail" },
            { new StringContent("not a phone"), "Input.ContactPhone" },
            { new StringContent("Beijing"), "Input.BillingAddress" },
            { new StringContent("Labs."), "Input.Description" },
        };
        var application = await TextAsync(await joiner.PostAsync("/sponsors/apply", form));
        Assert.Contains("请填写公司名称。", application);
        Assert.Contains("请填写完整的网址，例如 https://example.com。", application);
        Assert.Contains("电话不是有效的电话号码。", application);
    }

    // ---- The demo's own content and the policy texts ----

    [Fact]
    public async Task Every_name_and_description_the_demo_seeds_has_its_chinese()
    {
        // The records the seed made (other tests here add their own ticket types).
        var now = Site.Time.GetUtcNow().UtcDateTime;
        var seededTypes = DemoSeeder.BuildTicketTypes(now).Select(t => t.Name).ToHashSet();
        var missing = await Site.WithDbAsync(async db =>
        {
            var problems = new List<string>();
            void Check(Core.Content.ITranslated record, string what, params (string Field, string? English)[] fields)
            {
                foreach (var (field, english) in fields.Where(f => !string.IsNullOrEmpty(f.English)))
                    if (string.IsNullOrWhiteSpace(record.Translations.Get("zh-Hans", field))) problems.Add($"{what} {field} \"{english}\"");
            }
            foreach (var c in await db.Conferences.Include(c => c.Tracks).Include(c => c.Rooms).AsNoTracking().ToListAsync())
            {
                Check(c, "conference", ("Name", c.Name), ("Tagline", c.Tagline));
                foreach (var t in c.Tracks) Check(t, "track", ("Name", t.Name), ("Description", t.Description));
                foreach (var r in c.Rooms) Check(r, "room", ("Name", r.Name));
            }
            foreach (var t in (await db.TicketTypes.AsNoTracking().ToListAsync()).Where(t => seededTypes.Contains(t.Name))) Check(t, "ticket type", ("Name", t.Name), ("Description", t.Description));
            foreach (var t in await db.SponsorTiers.AsNoTracking().ToListAsync()) Check(t, "sponsor tier", ("Name", t.Name), ("Benefits", t.Benefits));
            foreach (var c in await db.CallsForPapers.Include(c => c.Formats).AsNoTracking().ToListAsync())
            {
                Check(c, "call for papers", ("Guidance", c.Guidance));
                foreach (var f in c.Formats) Check(f, "format", ("Name", f.Name));
            }
            return problems;
        });
        Assert.True(missing.Count == 0, "The demo has no Chinese for: " + string.Join("; ", missing));
    }

    [Fact]
    public async Task The_demo_in_chinese_shows_its_own_content_in_chinese()
    {
        var client = await ChineseClientAsync();
        var home = await TextAsync(await client.GetAsync("/"));
        Assert.Contains("AI 工程师峰会", home);
        Assert.Contains("面向基于基础模型构建产品的软件工程师的大会", home);
        var tickets = await TextAsync(await client.GetAsync("/tickets"));
        Assert.Contains("现场早鸟票", tickets);
        Assert.Contains("三天现场参会", tickets);
        Assert.DoesNotContain("In-person Early Bird", tickets);
        var schedule = await TextAsync(await client.GetAsync("/schedule"));
        Assert.Contains("主会场", schedule);
        Assert.DoesNotContain(">Main Stage<", schedule);
        Assert.Contains(">午餐</span>", schedule); // the breaks and meals the organizers translated
        Assert.DoesNotContain(">Lunch<", schedule);
        Assert.Contains("<div class=\"entry-meta\">演讲 · AI 开发工具</div>", schedule); // the published format and track, in Chinese
        // The day opens with a keynote (主题演讲); a talk's page names its format in Chinese.
        var talks = System.Text.RegularExpressions.Regex.Matches(schedule, "href=\"(/talks/[^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().Take(6);
        var pages = new List<string>();
        foreach (var talk in talks) pages.Add(await TextAsync(await client.GetAsync(talk)));
        Assert.Contains(pages, p => p.Contains(">演讲</span>", StringComparison.Ordinal));
        var cfp = await TextAsync(await client.GetAsync("/cfp"));
        Assert.Contains("真实经验", cfp);
        Assert.Contains("闪电演讲", cfp);

        // The same pages in English are the English demo.
        var english = Site.CreateClient();
        Assert.Contains("In-person Early Bird", await TextAsync(await english.GetAsync("/tickets")));
        Assert.Contains("Real experience.", await TextAsync(await english.GetAsync("/cfp")));
    }

    [Fact]
    public async Task The_policy_texts_have_the_sites_own_chinese_until_organizers_write_their_own()
    {
        var client = await ChineseClientAsync();
        var conduct = await TextAsync(await client.GetAsync("/code-of-conduct"));
        Assert.Contains("简要说明", conduct);
        Assert.DoesNotContain("The short version", conduct);
        Assert.Contains("您的权利", await TextAsync(await client.GetAsync("/privacy")));
        Assert.Contains("活动开始 7 天前，您可以在订单页面自行取消订单", await TextAsync(await client.GetAsync("/tickets")));
        Assert.Contains("The short version", await TextAsync(await Site.CreateClient().GetAsync("/code-of-conduct")));

        // The organizers' own English is what a Chinese visitor reads until they translate it; English saved unchanged
        // from the standard text still counts as the standard text.
        async Task<string> ConductWithAsync(string? english)
        {
            await Site.WithDbAsync(async db =>
            {
                var conference = await db.Conferences.SingleAsync();
                conference.CodeOfConduct = english;
                await db.SaveChangesAsync(); // empties the conference cache and the public pages' output cache
            });
            return await TextAsync(await client.GetAsync("/code-of-conduct"));
        }
        Assert.Contains("Our own rules, in English.", await ConductWithAsync("Our own rules, in English."));
        var standard = await ConductWithAsync(Core.Conference.ConferencePages.CodeOfConduct + "\n");
        Assert.Contains("简要说明", standard);
        Assert.DoesNotContain("Our own rules", standard);
        await ConductWithAsync(null); // back to the standard text for the other tests
    }

    /// <summary>The resource compiler keeps one of two keys that differ only in case ("Sold out", "sold out") and drops the
    /// other with a mere warning, so that string would show in English. A word needed in lower case mid-sentence is the
    /// capitalized key lowered in the page.</summary>
    [Fact]
    public void No_resource_has_two_keys_that_differ_only_in_case()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AiEngineer.sln"))) dir = dir.Parent;
        var web = Path.Combine(dir!.FullName, "src", "AiEngineer.Web");
        var problems = Directory.EnumerateFiles(web, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/"))
            .SelectMany(f => System.Xml.Linq.XDocument.Load(f).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
                .GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
                .Select(g => $"{Path.GetFileName(f)}: {string.Join(" / ", g)}"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

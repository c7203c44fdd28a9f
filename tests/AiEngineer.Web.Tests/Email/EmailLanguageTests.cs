using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AiEngineer.Core.Email;
using AiEngineer.Web.Tests.Cfp;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Review;
using AiEngineer.Web.Tests.Schedule;
using AiEngineer.Web.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Email;

/// <summary>
/// Emails go out in the recipient's language: the buyer's at checkout, the speaker's account language. Organizers edit
/// a wording per language, and an empty translation sends the English.
/// </summary>
public class EmailLanguageTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private SiteFactory Site => fixture.Site;

    private async Task<HttpClient> ChineseBrowserAsync(HttpClient? client = null)
    {
        client ??= Site.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/language?c=zh-Hans&returnUrl=%2F")).StatusCode);
        return client;
    }

    [Fact]
    public async Task A_ticket_bought_in_chinese_gets_its_confirmation_in_chinese_and_an_english_buyers_stays_english()
    {
        var free = await fixture.AddTypeAsync("Lang free pass", 0, 10);
        var chinese = await ChineseBrowserAsync();
        var code = TicketsFixture.CodeFrom(await fixture.BuyAsync(chinese, new() { [free] = 1 }, "zh.buyer@example.com", method: "Card"));
        var order = await fixture.OrderAsync(code);
        Assert.Equal("zh-Hans", order.Language);

        var mail = await fixture.Smtp.WaitForAsync("zh.buyer@example.com");
        Assert.Equal($"您的门票：订单 {code}", mail.Subject);
        Assert.Contains("<html lang=\"zh-Hans\">", mail.HtmlBody);
        Assert.Contains("期待在", mail.HtmlBody);
        Assert.Contains($"票码：{order.Tickets.Single().Code}", mail.HtmlBody);
        Assert.Contains("合计", mail.HtmlBody);
        Assert.Contains("您收到这封邮件", mail.HtmlBody);
        Assert.DoesNotContain("Ticket code", mail.HtmlBody);
        Assert.DoesNotContain("Total", mail.HtmlBody);
        Assert.Contains("查看或管理您的订单", mail.TextBody);

        var englishCode = TicketsFixture.CodeFrom(await fixture.BuyAsync(Site.CreateBrowserlikeClient(), new() { [free] = 1 }, "en.buyer@example.com", method: "Card"));
        var english = await fixture.Smtp.WaitForAsync("en.buyer@example.com");
        Assert.Equal($"Your tickets: order {englishCode}", english.Subject);
        Assert.Contains("<html lang=\"en\">", english.HtmlBody);
        Assert.DoesNotContain("票码", english.HtmlBody);
    }

    [Fact]
    public async Task A_speaker_who_reads_chinese_gets_the_proposal_receipt_in_chinese_with_the_talk_as_written()
    {
        var call = await Site.EnsureCallAsync();
        await Site.CreateUserAsync("zh.speaker@example.com");
        var speaker = await ChineseBrowserAsync(await Site.SignedInClientAsync("zh.speaker@example.com")); // stored on the account
        var id = await speaker.CreateProposalAsync(call, "Agents in production", intent: "submit");

        var mail = await fixture.Smtp.WaitForAsync("zh.speaker@example.com", m => m.Subject!.Contains("Agents in production"));
        Assert.Equal("我们已收到您的提案：Agents in production", mail.Subject);
        Assert.Contains("以下是您提交内容的副本", mail.HtmlBody);
        Assert.Contains("<strong>标题</strong>", mail.HtmlBody);
        Assert.Contains("<strong>分论坛</strong>", mail.HtmlBody);
        Assert.Contains("We run **evals** on every pull request.", mail.TextBody); // the abstract as the speaker wrote it
        Assert.Contains($"/my/submissions/{id}", mail.HtmlBody);
        Assert.DoesNotContain("Thank you for submitting", mail.HtmlBody);
    }

    [Fact]
    public async Task An_organizers_chinese_wording_goes_to_chinese_buyers_and_saved_empty_sends_them_the_english()
    {
        var organizer = await Site.OrganizerAsync("lang.templates@example.com");
        const string page = "/admin/email/templates/edit?kind=tickets.confirmation&lang=zh-Hans";
        var editor = WebUtility.HtmlDecode(await organizer.GetStringAsync(page));
        Assert.Contains("期待在 {conference_name} 与您相见", editor); // the built-in Chinese is the starting point
        Assert.Contains("中文（简体）", editor);

        var saved = await organizer.PostFormAsync(page + "&handler=Save",
            new() { ["Input.Subject"] = "门票到啦：{order_code}", ["Input.Body"] = "{buyer_name}，您好！\n\n{tickets}\n\n[订单]({order_link})" }, page);
        Assert.Contains("is saved", await organizer.ShownAsync(saved));
        Assert.Equal("zh-Hans", await Site.WithDbAsync(db => db.EmailTemplates.Where(t => t.Kind == "tickets.confirmation").Select(t => t.Language).SingleAsync()));

        var free = await fixture.AddTypeAsync("Lang tpl pass", 0, 10);
        var code = TicketsFixture.CodeFrom(await fixture.BuyAsync(await ChineseBrowserAsync(), new() { [free] = 1 }, "zh.tpl@example.com", method: "Card"));
        Assert.Equal($"门票到啦：{code}", (await fixture.Smtp.WaitForAsync("zh.tpl@example.com")).Subject);
        var englishCode = TicketsFixture.CodeFrom(await fixture.BuyAsync(Site.CreateBrowserlikeClient(), new() { [free] = 1 }, "en.tpl@example.com", method: "Card"));
        Assert.Equal($"Your tickets: order {englishCode}", (await fixture.Smtp.WaitForAsync("en.tpl@example.com")).Subject);

        // Emptied: Chinese readers get the English.
        var emptied = await organizer.PostFormAsync(page + "&handler=Save", new() { ["Input.Subject"] = "", ["Input.Body"] = "" }, page);
        Assert.Contains("get the English", await organizer.ShownAsync(emptied));
        var later = TicketsFixture.CodeFrom(await fixture.BuyAsync(await ChineseBrowserAsync(), new() { [free] = 1 }, "zh.fallback@example.com", method: "Card"));
        Assert.Equal($"Your tickets: order {later}", (await fixture.Smtp.WaitForAsync("zh.fallback@example.com")).Subject);

        // An empty English wording is still refused.
        var refused = await organizer.PostFormAsync("/admin/email/templates/edit?kind=tickets.confirmation&handler=Save",
            new() { ["Input.Subject"] = "", ["Input.Body"] = "" }, "/admin/email/templates/edit?kind=tickets.confirmation");
        Assert.Contains("A subject is required.", await organizer.ShownAsync(refused));
        await organizer.PostFormAsync(page + "&handler=Reset", [], page);
    }

    [Fact]
    public async Task Decision_drafts_are_written_in_each_speakers_language_whatever_the_organizer_reads()
    {
        await Site.SetReviewAsync(confirmBy: Site.Time.GetUtcNow().UtcDateTime.AddDays(10));
        var zh = await Site.SubmittedProposalAsync("zh.decided@example.com", "Agents that remember", "Li Na");
        var en = await Site.SubmittedProposalAsync("en.decided@example.com", "Agents that forget", "Ann Smith");
        await ChineseBrowserAsync(await Site.SignedInClientAsync("zh.decided@example.com"));
        var organizer = await ChineseBrowserAsync(await Site.OrganizerAsync("lang.decider@example.com"));

        var response = await organizer.PostAsync("/admin/review/proposals?handler=Decide", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", HttpClientFormExtensions.AntiforgeryToken(await organizer.GetStringAsync("/admin/review/proposals"))),
            KeyValuePair.Create("selected", zh.ToString()), KeyValuePair.Create("selected", en.ToString()), KeyValuePair.Create("decision", "Accepted"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync("/admin/review/notifications?handler=Send", [], "/admin/review/notifications")).StatusCode);

        var chinese = await fixture.Smtp.WaitForAsync("zh.decided@example.com", m => m.Subject!.Contains("Agents that remember"));
        Assert.Equal("您的提案“Agents that remember”已被录用", chinese.Subject);
        Assert.Contains("年", chinese.TextBody);
        Assert.Contains("<html lang=\"zh-Hans\">", chinese.HtmlBody);
        var english = await fixture.Smtp.WaitForAsync("en.decided@example.com", m => m.Subject!.Contains("Agents that forget"));
        Assert.Equal("Your proposal “Agents that forget” is accepted", english.Subject);
        Assert.DoesNotContain("年", english.TextBody); // the confirm-by date in English, though the organizer reads Chinese
        Assert.Contains("<html lang=\"en\">", english.HtmlBody);
    }
}

/// <summary>The built-in wording of every message exists in every configured language, with the English placeholders.</summary>
public class EmailDefaultsTests
{
    [Fact]
    public void Every_kind_of_message_has_a_valid_built_in_wording_in_every_other_language()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "AiEngineer.sln"))) root = root.Parent!;
        var web = Path.Combine(root.FullName, "src", "AiEngineer.Web");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(web, "appsettings.json")));
        var languages = json.RootElement.GetProperty("Localization").GetProperty("Languages").EnumerateArray().Select(e => e.GetString()!).Skip(1).ToList();
        Assert.NotEmpty(languages);
        var problems = new List<string>();
        foreach (var language in languages)
        {
            var path = Path.Combine(web, "Infrastructure", "Email", $"EmailDefaults.{language}.resx");
            if (!File.Exists(path)) { problems.Add($"{path} is missing"); continue; }
            var values = XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
            foreach (var kind in EmailCatalog.All)
            {
                var subject = values.GetValueOrDefault(kind.Kind + ".subject", "");
                var body = values.GetValueOrDefault(kind.Kind + ".body", "");
                if (subject.Length == 0 || body.Length == 0) { problems.Add($"{language}: {kind.Kind} has no built-in wording"); continue; }
                problems.AddRange(EmailTemplate.Validate(kind, subject, body).Select(p => $"{language}: {kind.Kind}: {p}"));
                var english = EmailTemplate.PlaceholdersIn(kind.Subject + kind.Body).ToHashSet();
                var translated = EmailTemplate.PlaceholdersIn(subject + body).ToHashSet();
                if (!english.SetEquals(translated))
                    problems.Add($"{language}: {kind.Kind} uses {{{string.Join("}, {", translated.Order())}}}, the English {{{string.Join("}, {", english.Order())}}}");
                if (Regex.IsMatch(subject + body, @"\b(the|you|your|and|please)\b", RegexOptions.IgnoreCase))
                    problems.Add($"{language}: {kind.Kind} still has English words");
            }
            foreach (var key in values.Keys.Where(k => EmailCatalog.Find(k[..k.LastIndexOf('.')]) is null))
                problems.Add($"{language}: {key} is no message kind");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

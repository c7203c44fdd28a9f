using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Core.Accounts;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiEngineer.Web.Tests.Accounts;

/// <summary>
/// The account pages, the site's own in place of the Identity UI's: each in Chinese without an English sentence, and
/// each flow end to end in Chinese (a password reset through the emailed link, confirming and changing the email,
/// changing the password, the authenticator app, recovery codes, two-factor sign-in, lockout, signing out), keeping
/// Identity's rules: no answer tells which addresses have accounts.
/// </summary>
public partial class AccountPagesTests(AccountPagesTests.Fixture fixture) : IClassFixture<AccountPagesTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        // These tests sign in and ask for emails far more often than a person does from one address.
        protected override void Configure(SiteFactory site)
        {
            site.Settings["RateLimits:Login:PermitLimit"] = "10000";
            site.Settings["RateLimits:PasswordReset:PermitLimit"] = "10000";
        }
    }

    private const string Account = "/Identity/Account";
    private const string Manage = "/Identity/Account/Manage";

    private SiteFactory Site => fixture.Site;

    /// <summary>A browser whose language is Chinese (the header's link sets the cookie).</summary>
    private async Task<HttpClient> ChineseClientAsync()
    {
        var client = Site.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/language?c=zh-Hans&returnUrl=%2F")).StatusCode);
        return client;
    }

    /// <summary>A new account, signed in on a Chinese browser.</summary>
    private async Task<HttpClient> SignedInChineseAsync(string email)
    {
        await Site.CreateUserAsync(email);
        var client = await ChineseClientAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, email)).StatusCode);
        return client;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = SiteFactory.Password) =>
        client.PostFormAsync(Account + "/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static async Task<string> ShownAsync(HttpClient client, HttpResponseMessage response)
    {
        var shown = await client.ShownAsync(response);
        Assert.Empty(NoEnglishSentences.In(shown));
        return shown;
    }

    private Task<AppUser> UserAsync(string email) => Site.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    private Task<int> EmailsToAsync(string address) => Site.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.ToAddress == address));

    private async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> work)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    /// <summary>Turns on two-factor authentication the way a person does; returns the key and the recovery codes shown.</summary>
    private static async Task<(string Key, List<string> Codes)> EnableTwoFactorAsync(HttpClient client)
    {
        var key = Totp.KeyOn(await client.GetStringAsync(Manage + "/EnableAuthenticator"));
        var enabled = await client.PostFormAsync(Manage + "/EnableAuthenticator", new() { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(Manage + "/ShowRecoveryCodes", enabled.Headers.Location?.ToString());
        return (key, RecoveryCodes(await client.GetStringAsync(Manage + "/ShowRecoveryCodes")));
    }

    private static List<string> RecoveryCodes(string page) => RecoveryCodeRegex().Matches(page).Select(m => m.Groups[1].Value).ToList();

    // ---- Every page in Chinese ----

    [Theory]
    [InlineData(Account + "/Login")]
    [InlineData(Account + "/Register")]
    [InlineData(Account + "/ForgotPassword")]
    [InlineData(Account + "/ForgotPasswordConfirmation")]
    [InlineData(Account + "/ResetPassword?code=c29tZS1yZXNldC1jb2Rl")]
    [InlineData(Account + "/ResetPassword")]
    [InlineData(Account + "/ResetPasswordConfirmation")]
    [InlineData(Account + "/ResendEmailConfirmation")]
    [InlineData(Account + "/RegisterConfirmation?email=someone%40example.com")]
    [InlineData(Account + "/Lockout")]
    [InlineData(Account + "/AccessDenied")]
    [InlineData(Account + "/Logout")]
    public async Task Each_page_a_visitor_reaches_is_in_chinese_without_an_english_sentence(string path) =>
        Assert.DoesNotMatch(InlineScriptOrStyle(), await NoEnglishSentences.OnAsync(Site, Site.CreateClient(), path));

    [Theory]
    [InlineData("/Index")]
    [InlineData("/Email")]
    [InlineData("/ChangePassword")]
    [InlineData("/TwoFactorAuthentication")]
    [InlineData("/EnableAuthenticator")]
    [InlineData("/ResetAuthenticator")]
    public async Task Each_account_settings_page_is_in_chinese_without_an_english_sentence_and_has_the_settings_nav(string page)
    {
        var client = await SignedInChineseAsync($"settings{page.Replace('/', '.').ToLowerInvariant()}@example.com");
        var html = await NoEnglishSentences.OnAsync(Site, client, Manage + page);
        Assert.DoesNotMatch(InlineScriptOrStyle(), html);
        Assert.Contains("账户设置", WebUtility.HtmlDecode(html));
        Assert.Contains("aria-current=\"page\"", html);
        Assert.Contains("href=\"/my/data\"", html); // "your data" is /my/data, not Identity's page
    }

    [Fact]
    public void The_strict_check_sees_identitys_own_english_and_lets_chinese_keys_and_addresses_through()
    {
        Assert.NotEmpty(NoEnglishSentences.In("<p>Please check your email to reset your password.</p>"));
        Assert.NotEmpty(NoEnglishSentences.In("<input type=\"submit\" value=\"Log in now\" />"));
        Assert.NotEmpty(NoEnglishSentences.In("<input placeholder=\"Enter your email\" />"));
        Assert.Empty(NoEnglishSentences.In("<p>我们已向 lin.wei@example.com 发送链接。</p><kbd>abcd efgh ijkl</kbd><code>x1y2-abc</code>"));
        Assert.Empty(NoEnglishSentences.In("<p>例如 1Password、Google Authenticator 或 Microsoft Authenticator。</p>"));
        Assert.Empty(NoEnglishSentences.In("<h1>AI Engineer Summit 2026</h1>", ["AI Engineer Summit 2026"]));
    }

    // ---- Password reset ----

    [Fact]
    public async Task A_password_reset_in_chinese_goes_from_the_emailed_link_to_signing_in_with_the_new_password()
    {
        await Site.CreateUserAsync("reset.zh@example.com");
        var client = await ChineseClientAsync();
        var asked = await client.PostFormAsync(Account + "/ForgotPassword", new() { ["Input.Email"] = "reset.zh@example.com" });
        Assert.Equal(Account + "/ForgotPasswordConfirmation", asked.Headers.Location?.ToString());
        Assert.Contains("请查收邮件", await ShownAsync(client, asked));

        var link = SmtpSink.LinkIn(await fixture.Smtp.WaitForAsync("reset.zh@example.com"), Account + "/ResetPassword");
        var form = await NoEnglishSentences.OnAsync(Site, client, link);
        var code = WebUtility.HtmlDecode(ResetCodeRegex().Match(form).Groups[1].Value);
        Assert.NotEmpty(code);
        Dictionary<string, string> Reset(string email, string password) => new()
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password, ["Input.Code"] = code,
        };

        // A weak password is refused in Chinese and changes nothing: the link still works.
        var weak = await TextAsync(await client.PostFormAsync(Account + "/ResetPassword", Reset("reset.zh@example.com", "alllowercase1"), link));
        Assert.Contains("密码至少需要包含一个大写字母（A-Z）。", weak);

        var done = await client.PostFormAsync(Account + "/ResetPassword", Reset("reset.zh@example.com", "Brand-New-Passw0rd"), link);
        Assert.Equal(Account + "/ResetPasswordConfirmation", done.Headers.Location?.ToString());
        Assert.Contains("您的密码已重置", await ShownAsync(client, done));

        // The link worked once; the old password signs in no more, the new one does.
        var again = await TextAsync(await client.PostFormAsync(Account + "/ResetPassword", Reset("reset.zh@example.com", "Another-Passw0rd-2"), link));
        Assert.Contains("此链接不适用于该电子邮件地址", again);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Site.CreateBrowserlikeClient(), "reset.zh@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Site.CreateBrowserlikeClient(), "reset.zh@example.com", "Brand-New-Passw0rd")).StatusCode);
    }

    [Fact]
    public async Task Reset_and_confirmation_requests_answer_alike_for_any_address_and_only_the_right_accounts_get_mail()
    {
        await Site.CreateUserAsync("known.alike@example.com");
        Assert.True(await WithUsersAsync(async users => (await users.CreateAsync(
            new AppUser { UserName = "pending.alike@example.com", Email = "pending.alike@example.com", DisplayName = "Pending" }, SiteFactory.Password)).Succeeded));
        var client = await ChineseClientAsync();
        var answers = new HashSet<string>();
        foreach (var email in new[] { "known.alike@example.com", "pending.alike@example.com", "nobody.alike@example.com" })
        {
            var reset = await client.PostFormAsync(Account + "/ForgotPassword", new() { ["Input.Email"] = email });
            Assert.Equal(Account + "/ForgotPasswordConfirmation", reset.Headers.Location?.ToString());
            var resend = await TextAsync(await client.PostFormAsync(Account + "/ResendEmailConfirmation", new() { ["Input.Email"] = email }));
            answers.Add(StatusRegex().Match(resend).Groups[1].Value);
            // Registration's "check your inbox" does not look the address up either (Identity's answers 404 for an unknown one).
            var registered = await client.GetAsync(Account + "/RegisterConfirmation?email=" + Uri.EscapeDataString(email));
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }
        Assert.Equal("如果该地址属于尚未验证的账户，新的验证链接已在发送途中。请查收邮件。", Assert.Single(answers));

        // A reset link only to a confirmed address, a confirmation link only to an unconfirmed one, nothing to a stranger.
        Assert.Equal(1, await EmailsToAsync("known.alike@example.com"));
        Assert.Equal(1, await EmailsToAsync("pending.alike@example.com"));
        Assert.Equal(0, await EmailsToAsync("nobody.alike@example.com"));

        // A real reset code with an address that has no account is refused in the same words as a wrong code.
        var link = SmtpSink.LinkIn(await fixture.Smtp.WaitForAsync("known.alike@example.com"), Account + "/ResetPassword");
        var code = WebUtility.HtmlDecode(ResetCodeRegex().Match(await client.GetStringAsync(link)).Groups[1].Value);
        string Refusal(string page) => AlertRegex().Match(page).Groups[1].Value;
        var stranger = await TextAsync(await client.PostFormAsync(Account + "/ResetPassword", new()
        {
            ["Input.Email"] = "nobody.alike@example.com", ["Input.Password"] = "Brand-New-Passw0rd", ["Input.ConfirmPassword"] = "Brand-New-Passw0rd", ["Input.Code"] = code,
        }, link));
        var wrongCode = await TextAsync(await client.PostFormAsync(Account + "/ResetPassword", new()
        {
            ["Input.Email"] = "known.alike@example.com", ["Input.Password"] = "Brand-New-Passw0rd", ["Input.ConfirmPassword"] = "Brand-New-Passw0rd", ["Input.Code"] = code + "x",
        }, link));
        Assert.Contains("此链接不适用于该电子邮件地址", Refusal(stranger));
        Assert.Equal(Refusal(stranger), Refusal(wrongCode));
    }

    // ---- Confirming and changing the email ----

    [Fact]
    public async Task Registering_in_chinese_confirms_the_address_through_the_link_and_a_broken_link_says_so_in_chinese()
    {
        var client = await ChineseClientAsync();
        var registered = await client.PostFormAsync(Account + "/Register", new()
        {
            ["Input.DisplayName"] = "林伟", ["Input.Email"] = "confirm.zh@example.com", ["Input.Password"] = SiteFactory.Password, ["Input.ConfirmPassword"] = SiteFactory.Password,
        });
        Assert.StartsWith(Account + "/RegisterConfirmation", registered.Headers.Location?.ToString());
        Assert.Contains("我们已向 confirm.zh@example.com 发送验证链接。", await ShownAsync(client, registered));

        var link = SmtpSink.LinkIn(await fixture.Smtp.WaitForAsync("confirm.zh@example.com"), Account + "/ConfirmEmail");
        var broken = WebUtility.HtmlDecode(await NoEnglishSentences.OnAsync(Site, client, Regex.Replace(link, "code=[^&]+", "code=bm90LWEtY29kZQ")));
        Assert.Contains("此验证链接已失效", broken);
        Assert.False((await UserAsync("confirm.zh@example.com")).EmailConfirmed);

        var confirmed = WebUtility.HtmlDecode(await NoEnglishSentences.OnAsync(Site, client, link));
        Assert.Contains("感谢您验证电子邮件地址。", confirmed);
        Assert.True((await UserAsync("confirm.zh@example.com")).EmailConfirmed);
    }

    [Fact]
    public async Task Changing_the_email_in_chinese_takes_effect_only_through_the_link_sent_to_the_new_address()
    {
        var client = await SignedInChineseAsync("old.address@example.com");
        var same = await client.PostFormAsync(Manage + "/Email?handler=ChangeEmail", new() { ["Input.NewEmail"] = "old.address@example.com" }, Manage + "/Email");
        Assert.Contains("您的电子邮件地址没有变化。", await ShownAsync(client, same));

        var asked = await client.PostFormAsync(Manage + "/Email?handler=ChangeEmail", new() { ["Input.NewEmail"] = "new.address@example.com" }, Manage + "/Email");
        Assert.Contains("我们已向 new.address@example.com 发送链接。", await ShownAsync(client, asked));
        var id = (await UserAsync("old.address@example.com")).Id; // nothing changed yet

        var link = SmtpSink.LinkIn(await fixture.Smtp.WaitForAsync("new.address@example.com"), Account + "/ConfirmEmailChange");
        Assert.Contains("感谢您验证新的电子邮件地址。", WebUtility.HtmlDecode(await NoEnglishSentences.OnAsync(Site, client, link)));
        var changed = await Site.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal(("new.address@example.com", "new.address@example.com", true), (changed.Email, changed.UserName, changed.EmailConfirmed));

        // This browser stays signed in; the new address signs in, the old one no more; the used link changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Manage + "/Email")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Site.CreateBrowserlikeClient(), "new.address@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Site.CreateBrowserlikeClient(), "old.address@example.com")).StatusCode);
        Assert.Contains("您的电子邮件地址未更改", WebUtility.HtmlDecode(await NoEnglishSentences.OnAsync(Site, client, link)));
    }

    [Fact]
    public async Task A_change_to_an_address_another_account_has_is_answered_like_any_other_and_fails_at_the_link()
    {
        await Site.CreateUserAsync("taken.address@example.com");
        var client = await SignedInChineseAsync("wants.taken@example.com");
        var asked = await client.PostFormAsync(Manage + "/Email?handler=ChangeEmail", new() { ["Input.NewEmail"] = "taken.address@example.com" }, Manage + "/Email");
        Assert.Contains("我们已向 taken.address@example.com 发送链接。", await ShownAsync(client, asked));

        var link = SmtpSink.LinkIn(await fixture.Smtp.WaitForAsync("taken.address@example.com"), Account + "/ConfirmEmailChange");
        Assert.Contains("您的电子邮件地址未更改", WebUtility.HtmlDecode(await NoEnglishSentences.OnAsync(Site, client, link)));
        Assert.Equal("wants.taken@example.com", (await UserAsync("wants.taken@example.com")).UserName);
    }

    // ---- Profile and password ----

    [Fact]
    public async Task The_profile_saves_the_name_and_phone_number_and_refuses_what_is_wrong_in_chinese()
    {
        var client = await SignedInChineseAsync("profile.zh@example.com");
        var refused = await TextAsync(await client.PostFormAsync(Manage, new() { ["Input.DisplayName"] = "", ["Input.PhoneNumber"] = "call me maybe" }));
        Assert.Contains("请填写您的姓名。", refused);
        Assert.Contains("请输入电话号码：可包含数字、空格、括号和开头的 +。", refused);

        var saved = await client.PostFormAsync(Manage, new() { ["Input.DisplayName"] = "林伟", ["Input.PhoneNumber"] = "+86 10 1234 5678" });
        Assert.Contains("您的个人资料已更新。", await ShownAsync(client, saved));
        var user = await UserAsync("profile.zh@example.com");
        Assert.Equal(("林伟", "+86 10 1234 5678"), (user.DisplayName, user.PhoneNumber));
    }

    [Fact]
    public async Task Changing_the_password_in_chinese_needs_the_current_one_and_then_only_the_new_one_signs_in()
    {
        var client = await SignedInChineseAsync("change.password@example.com");
        Dictionary<string, string> Change(string old) => new() { ["Input.OldPassword"] = old, ["Input.NewPassword"] = "Changed-Passw0rd-1", ["Input.ConfirmPassword"] = "Changed-Passw0rd-1" };
        var wrong = await TextAsync(await client.PostFormAsync(Manage + "/ChangePassword", Change("Not-the-passw0rd")));
        Assert.Contains("密码不正确。", wrong);

        var changed = await client.PostFormAsync(Manage + "/ChangePassword", Change(SiteFactory.Password));
        Assert.Equal(Manage + "/ChangePassword", changed.Headers.Location?.ToString());
        Assert.Contains("您的密码已更改。", await ShownAsync(client, changed));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Manage)).StatusCode); // still signed in here
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Site.CreateBrowserlikeClient(), "change.password@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Site.CreateBrowserlikeClient(), "change.password@example.com", "Changed-Passw0rd-1")).StatusCode);
    }

    [Fact]
    public async Task An_account_without_a_password_sets_one_in_chinese_and_is_then_sent_to_change_it_instead()
    {
        var client = await SignedInChineseAsync("no.password@example.com");
        Assert.True(await WithUsersAsync(async users => (await users.RemovePasswordAsync((await users.FindByEmailAsync("no.password@example.com"))!)).Succeeded));
        Assert.EndsWith("/SetPassword", (await client.GetAsync(Manage + "/ChangePassword")).Headers.Location?.ToString());
        Assert.Contains("您的账户尚未设置密码。", WebUtility.HtmlDecode(await NoEnglishSentences.OnAsync(Site, client, Manage + "/SetPassword")));

        var refused = await TextAsync(await client.PostFormAsync(Manage + "/SetPassword", new() { ["Input.NewPassword"] = "short", ["Input.ConfirmPassword"] = "other" }));
        Assert.Contains("密码至少需要 10 个字符。", refused);
        Assert.Contains("两次输入的密码不一致。", refused);

        var set = await client.PostFormAsync(Manage + "/SetPassword", new() { ["Input.NewPassword"] = "Chosen-Passw0rd-1", ["Input.ConfirmPassword"] = "Chosen-Passw0rd-1" });
        Assert.Equal(Manage + "/ChangePassword", set.Headers.Location?.ToString());
        Assert.Contains("您的密码已设置。", await ShownAsync(client, set));
        Assert.EndsWith("/ChangePassword", (await client.GetAsync(Manage + "/SetPassword")).Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Site.CreateBrowserlikeClient(), "no.password@example.com", "Chosen-Passw0rd-1")).StatusCode);
    }

    // ---- Two-factor authentication ----

    [Fact]
    public async Task Two_factor_in_chinese_from_setting_up_the_app_to_signing_in_with_a_code_or_a_recovery_code_and_turning_it_off()
    {
        var client = await SignedInChineseAsync("twofactor.zh@example.com");
        var setup = await NoEnglishSentences.OnAsync(Site, client, Manage + "/EnableAuthenticator");
        Assert.Contains("<svg", setup); // the QR code, drawn into the page: no script, no image from elsewhere
        Assert.DoesNotMatch(InlineScriptOrStyle(), setup); // the CSP allows neither
        var key = Totp.KeyOn(setup);

        var wrong = await TextAsync(await client.PostFormAsync(Manage + "/EnableAuthenticator", new() { ["Input.Code"] = Totp.Code(key, stepOffset: 40) }));
        Assert.Contains("验证码不正确。请输入身份验证器应用当前显示的验证码。", wrong);
        Assert.False((await UserAsync("twofactor.zh@example.com")).TwoFactorEnabled);

        var enabled = await client.PostFormAsync(Manage + "/EnableAuthenticator", new() { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(Manage + "/ShowRecoveryCodes", enabled.Headers.Location?.ToString());
        var shown = await NoEnglishSentences.OnAsync(Site, client, Manage + "/ShowRecoveryCodes");
        Assert.Contains("您的身份验证器应用已验证成功。", WebUtility.HtmlDecode(shown));
        var codes = RecoveryCodes(shown);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True((await UserAsync("twofactor.zh@example.com")).TwoFactorEnabled);
        // Shown once: the next visit leads to the overview, which says it is on.
        Assert.Equal(Manage + "/TwoFactorAuthentication", (await client.GetAsync(Manage + "/ShowRecoveryCodes")).Headers.Location?.ToString());
        Assert.Contains("已开启", WebUtility.HtmlDecode(await NoEnglishSentences.OnAsync(Site, client, Manage + "/TwoFactorAuthentication")));
        await NoEnglishSentences.OnAsync(Site, client, Manage + "/GenerateRecoveryCodes");
        await NoEnglishSentences.OnAsync(Site, client, Manage + "/Disable2fa");

        // Signing in now asks for a code after the password, in Chinese; a wrong one is refused, the app's current one lets in.
        var phone = await ChineseClientAsync();
        var step = (await SignInAsync(phone, "twofactor.zh@example.com")).Headers.Location?.ToString();
        Assert.StartsWith(Account + "/LoginWith2fa", step);
        await NoEnglishSentences.OnAsync(Site, phone, step!);
        Assert.Contains("验证码不正确。", await TextAsync(await phone.PostFormAsync(step!, new() { ["Input.TwoFactorCode"] = Totp.Code(key, stepOffset: 50) })));
        var signedIn = await phone.PostFormAsync(step!, new() { ["Input.TwoFactorCode"] = Totp.Code(key) });
        Assert.Equal("/", signedIn.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/my")).StatusCode);

        // Or a recovery code instead, once.
        const string recovery = Account + "/LoginWithRecoveryCode?returnUrl=%2Fmy";
        var laptop = await ChineseClientAsync();
        await SignInAsync(laptop, "twofactor.zh@example.com");
        await NoEnglishSentences.OnAsync(Site, laptop, recovery);
        var byCode = await laptop.PostFormAsync(recovery, new() { ["Input.RecoveryCode"] = codes[0] });
        Assert.Equal("/my", byCode.Headers.Location?.ToString());
        var tablet = await ChineseClientAsync();
        await SignInAsync(tablet, "twofactor.zh@example.com");
        Assert.Contains("该恢复码无效。每个恢复码只能使用一次。", await TextAsync(await tablet.PostFormAsync(recovery, new() { ["Input.RecoveryCode"] = codes[0] })));

        // With few codes left the overview says so, the link inside the sentence where Chinese puts it.
        var me = (await UserAsync("twofactor.zh@example.com")).Id;
        await WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(me))!;
            foreach (var code in codes.Skip(1).Take(7)) Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded);
            return 0;
        });
        var low = WebUtility.HtmlDecode(await NoEnglishSentences.OnAsync(Site, client, Manage + "/TwoFactorAuthentication"));
        Assert.Contains("您还剩 2 个恢复码。", low);
        Assert.Contains("建议您<a href=\"/Identity/Account/Manage/GenerateRecoveryCodes\">生成一组新的恢复码</a>。", low);

        // New codes replace the old ones.
        var regenerated = await client.PostFormAsync(Manage + "/GenerateRecoveryCodes", new());
        Assert.Equal(Manage + "/ShowRecoveryCodes", regenerated.Headers.Location?.ToString());
        var fresh = await NoEnglishSentences.OnAsync(Site, client, Manage + "/ShowRecoveryCodes");
        Assert.Contains("您已生成新的恢复码。", WebUtility.HtmlDecode(fresh));
        Assert.Equal(10, RecoveryCodes(fresh).Except(codes).Count());
        Assert.False(await WithUsersAsync(async users => (await users.RedeemTwoFactorRecoveryCodeAsync((await users.FindByIdAsync(me))!, codes[9])).Succeeded));

        // Turned off, signing in needs the password only.
        var off = await client.PostFormAsync(Manage + "/Disable2fa", new());
        Assert.Equal(Manage + "/TwoFactorAuthentication", off.Headers.Location?.ToString());
        var overview = await ShownAsync(client, off);
        Assert.Contains("双重身份验证已关闭。", overview);
        Assert.Contains("已关闭", overview);
        Assert.False((await UserAsync("twofactor.zh@example.com")).TwoFactorEnabled);
        Assert.Equal("/", (await SignInAsync(await ChineseClientAsync(), "twofactor.zh@example.com")).Headers.Location?.ToString());
    }

    [Fact]
    public async Task Resetting_the_authenticator_key_turns_two_factor_off_until_the_new_key_is_verified()
    {
        var client = await SignedInChineseAsync("reset.key@example.com");
        var (key, _) = await EnableTwoFactorAsync(client);

        var reset = await client.PostFormAsync(Manage + "/ResetAuthenticator", new());
        Assert.Equal(Manage + "/EnableAuthenticator", reset.Headers.Location?.ToString());
        var page = await ShownAsync(client, reset);
        Assert.Contains("您的身份验证器密钥已重置。", page);
        var newKey = Totp.KeyOn(page);
        Assert.NotEqual(key, newKey);
        Assert.False((await UserAsync("reset.key@example.com")).TwoFactorEnabled);

        // The old app's codes no longer work; the new key's do, and the recovery codes from before are kept.
        Assert.Contains("验证码不正确。", await TextAsync(await client.PostFormAsync(Manage + "/EnableAuthenticator", new() { ["Input.Code"] = Totp.Code(key) })));
        var verified = await client.PostFormAsync(Manage + "/EnableAuthenticator", new() { ["Input.Code"] = Totp.Code(newKey) });
        Assert.Equal(Manage + "/TwoFactorAuthentication", verified.Headers.Location?.ToString());
        Assert.True((await UserAsync("reset.key@example.com")).TwoFactorEnabled);
    }

    [Fact]
    public async Task Wrong_authenticator_codes_lock_the_account_like_wrong_passwords_and_the_lockout_page_is_in_chinese()
    {
        var client = await SignedInChineseAsync("lock.twofactor@example.com");
        var (key, _) = await EnableTwoFactorAsync(client);

        var phone = await ChineseClientAsync();
        var step = (await SignInAsync(phone, "lock.twofactor@example.com")).Headers.Location!.ToString();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++) last = await phone.PostFormAsync(step, new() { ["Input.TwoFactorCode"] = Totp.Code(key, stepOffset: 40 + i) });
        Assert.Equal(Account + "/Lockout", last.Headers.Location?.ToString());
        var locked = WebUtility.HtmlDecode(await NoEnglishSentences.OnAsync(Site, phone, Account + "/Lockout"));
        Assert.Contains("由于登录失败次数过多，此账户已被锁定。", locked);
        Assert.Contains("请等待 15 分钟后再试。", locked);
        // Even the right code is refused while locked.
        Assert.Equal(Account + "/Lockout", (await phone.PostFormAsync(step, new() { ["Input.TwoFactorCode"] = Totp.Code(key) })).Headers.Location?.ToString());
    }

    // ---- Signing out, the folder's guard, the pages with no use here ----

    [Fact]
    public async Task Signing_out_in_chinese_follows_only_a_local_return_address()
    {
        var client = await SignedInChineseAsync("signout.zh@example.com");
        Assert.Contains("要在此浏览器上退出您的账户吗？", WebUtility.HtmlDecode(await NoEnglishSentences.OnAsync(Site, client, Account + "/Logout")));
        var signedOut = await client.PostFormAsync(Account + "/Logout?returnUrl=https%3A%2F%2Fevil.example%2F", new(), Account + "/Logout");
        Assert.Equal(Account + "/Logout", signedOut.Headers.Location?.ToString());
        Assert.Contains("您已退出登录。", await ShownAsync(client, signedOut));
        Assert.Contains(Account + "/Login", (await client.GetAsync(Manage)).Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_account_settings_need_a_signed_in_person()
    {
        var targets = (await PageDiscovery.DiscoverAsync(Site.Services)).Where(t => t.Page.StartsWith(Manage + "/", StringComparison.Ordinal)).ToList();
        Assert.True(targets.Count >= 15, $"only {targets.Count} handlers found under {Manage}");
        var anonymous = Site.CreateBrowserlikeClient();
        var open = new List<string>();
        foreach (var target in targets)
        {
            var response = target.Method == "GET"
                ? await anonymous.GetAsync(target.Url)
                : await anonymous.PostAsync(target.Url, new FormUrlEncodedContent(new Dictionary<string, string>()));
            var location = response.Headers.Location?.ToString() ?? "";
            // Identity's delete and download pages lead to /my/data (SiteSetup), which asks for signing in in turn.
            var guarded = location.Contains(Account + "/Login") || (location == "/my/data" && target.Page.Contains("PersonalData"))
                || (target.Method == "POST" && response.StatusCode == HttpStatusCode.BadRequest && target.Page.Contains("PersonalData"));
            if (!guarded) open.Add($"{target.Method} {target.Url}: {(int)response.StatusCode} {location}");
        }
        Assert.Empty(open);
    }

    [Fact]
    public async Task Pages_with_no_use_here_answer_404_or_lead_to_the_page_that_does_the_job()
    {
        var client = await SignedInChineseAsync("unused.pages@example.com");
        foreach (var path in new[] { Account + "/ExternalLogin", Manage + "/ExternalLogins", "/Identity/Error" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Empty(NoEnglishSentences.In(await response.Content.ReadAsStringAsync())); // the site's own "not found", in Chinese
        }
        Assert.Equal("/my/data", (await client.GetAsync(Manage + "/PersonalData")).Headers.Location?.ToString());
        // The second sign-in step without the first leads back to the first.
        foreach (var path in new[] { Account + "/LoginWith2fa", Account + "/LoginWithRecoveryCode" })
            Assert.StartsWith(Account + "/Login", (await Site.CreateBrowserlikeClient().GetAsync(path)).Headers.Location?.ToString());
    }

    [Fact]
    public async Task Every_identity_page_is_the_sites_own_but_the_two_that_never_render()
    {
        var loader = Site.Services.GetRequiredService<PageLoader>();
        var stock = new SortedSet<string>();
        foreach (var endpoint in Site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { AreaName: "Identity" } page) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            if (compiled.ModelTypeInfo?.Assembly != typeof(Program).Assembly) stock.Add(page.ViewEnginePath);
        }
        // Their GET goes to /my/data and their POST is refused before they run (SiteSetup).
        Assert.Equal(["/Account/Manage/DeletePersonalData", "/Account/Manage/DownloadPersonalData"], stock);
    }

    /// <summary>What the CSP (script-src 'self', style-src 'self') would refuse: an inline script, a handler attribute, a style attribute.</summary>
    [GeneratedRegex(@"<script(?![^>]*\ssrc=)|\son[a-z]+\s*=|\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptOrStyle();

    [GeneratedRegex("<code class=\"recovery-code\">([^<]+)</code>")]
    private static partial Regex RecoveryCodeRegex();

    [GeneratedRegex("id=\"Input_Code\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex ResetCodeRegex();

    [GeneratedRegex("<div class=\"alert alert-success\" role=\"status\">([^<]*)</div>")]
    private static partial Regex StatusRegex();

    [GeneratedRegex("validation-summary-errors[^>]*><ul><li>([^<]*)</li>")]
    private static partial Regex AlertRegex();
}

using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Core.Accounts;
using AiEngineer.Web.Infrastructure.Security;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiEngineer.Web.Tests.Accounts;

public class AccountTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private SiteFactory Site => fixture.Site;

    private async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string name = "Test Person") =>
        await client.PostFormAsync("/Identity/Account/Register", new()
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = SiteFactory.Password,
            ["Input.ConfirmPassword"] = SiteFactory.Password,
        });

    [Fact]
    public async Task Registering_sends_a_confirmation_email_over_smtp_whose_link_confirms_the_account()
    {
        var client = Site.CreateBrowserlikeClient();
        var response = await RegisterAsync(client, "newcomer@example.com", "Nia <b>Newcomer</b>");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("RegisterConfirmation", response.Headers.Location!.ToString());

        var message = await fixture.Smtp.WaitForAsync("newcomer@example.com");
        Assert.Equal("Confirm your email address", message.Subject);
        Assert.Contains("Nia &lt;b&gt;Newcomer&lt;/b&gt;", message.HtmlBody); // the name is encoded, not markup
        Assert.Contains("/Identity/Account/ConfirmEmail", message.TextBody);

        // Before confirming, signing in is refused with a clear message.
        var early = await client.PostFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = "newcomer@example.com", ["Input.Password"] = SiteFactory.Password });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("confirm your email address first", await early.Content.ReadAsStringAsync());

        var confirm = await client.GetAsync(SmtpSink.LinkIn(message, "/Identity/Account/ConfirmEmail"));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Thank you for confirming your email", await confirm.Content.ReadAsStringAsync());

        var login = await client.PostFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = "newcomer@example.com", ["Input.Password"] = SiteFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var my = await client.GetStringAsync("/my");
        Assert.Contains("newcomer@example.com", my);
    }

    [Fact]
    public async Task Registration_with_bad_input_changes_nothing_and_says_why()
    {
        var client = Site.CreateBrowserlikeClient();
        var response = await client.PostFormAsync("/Identity/Account/Register", new()
        {
            ["Input.DisplayName"] = "",
            ["Input.Email"] = "not-an-email",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "different",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The Email field is not a valid e-mail address.", html);
        Assert.Contains("The password must be at least 10 characters long.", html);
        Assert.False(await Site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "not-an-email")));
    }

    [Fact]
    public async Task Registering_an_email_twice_is_refused()
    {
        await Site.CreateUserAsync("taken@example.com");
        var response = await RegisterAsync(Site.CreateBrowserlikeClient(), "taken@example.com");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is already taken", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await Site.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "taken@example.com")));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        await Site.CreateUserAsync("locked@example.com");
        var client = Site.CreateBrowserlikeClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = "locked@example.com", ["Input.Password"] = "Wrong-password-1" });
            if (i < 4) Assert.Contains("do not match an account", await wrong.Content.ReadAsStringAsync());
            else Assert.EndsWith("/Identity/Account/Lockout", wrong.Headers.Location!.ToString());
        }
        var right = await client.PostFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = "locked@example.com", ["Input.Password"] = SiteFactory.Password });
        Assert.EndsWith("/Identity/Account/Lockout", right.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_password_reset_email_lets_the_person_choose_a_new_password()
    {
        await Site.CreateUserAsync("forgetful@example.com");
        var client = Site.CreateBrowserlikeClient();
        var response = await client.PostFormAsync("/Identity/Account/ForgotPassword", new() { ["Input.Email"] = "forgetful@example.com" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var message = await fixture.Smtp.WaitForAsync("forgetful@example.com", m => m.Subject!.Contains("Reset", StringComparison.OrdinalIgnoreCase));
        var link = SmtpSink.LinkIn(message, "/Identity/Account/ResetPassword");
        // The page decodes the link's code into its form, as a browser would see it.
        var form = await client.GetStringAsync(link);
        var code = WebUtility.HtmlDecode(Regex.Match(form, "name=\"Input.Code\" value=\"([^\"]+)\"|id=\"Input_Code\"[^>]*value=\"([^\"]+)\"") is { Success: true } m
            ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            : throw new InvalidOperationException("The reset form has no code."));
        var reset = await client.PostFormAsync("/Identity/Account/ResetPassword", new()
        {
            ["Input.Email"] = "forgetful@example.com",
            ["Input.Password"] = "Brand-New-Passw0rd",
            ["Input.ConfirmPassword"] = "Brand-New-Passw0rd",
            ["Input.Code"] = code,
        }, formPage: link);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var login = await client.PostFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = "forgetful@example.com", ["Input.Password"] = "Brand-New-Passw0rd" });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task Create_organizer_makes_an_organizer_from_a_password_on_standard_input()
    {
        var output = new StringWriter();
        var code = await CreateOrganizerCommand.RunAsync(Site.Services, ["create-organizer", "boss@example.com"], new StringReader("Organizer-Passw0rd\n"), output);
        Assert.Equal(0, code);
        Assert.Contains("boss@example.com is an organizer", output.ToString());

        await using var scope = Site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var boss = await users.FindByEmailAsync("boss@example.com");
        Assert.NotNull(boss);
        Assert.True(await users.IsInRoleAsync(boss, Roles.Organizer));
        Assert.True(await users.CheckPasswordAsync(boss, "Organizer-Passw0rd"));

        var admin = await (await Site.SignedInClientAsync("boss@example.com", "Organizer-Passw0rd")).GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Theory]
    [InlineData("create-organizer", "", 2)]
    [InlineData("create-organizer weak@example.com", "short\n", 1)]
    [InlineData("create-organizer nopass@example.com", "", 2)]
    public async Task Create_organizer_with_bad_input_changes_nothing(string args, string stdin, int exitCode)
    {
        var count = await Site.WithDbAsync(db => db.Users.CountAsync());
        var code = await CreateOrganizerCommand.RunAsync(Site.Services, args.Split(' '), new StringReader(stdin), new StringWriter());
        Assert.Equal(exitCode, code);
        Assert.Equal(count, await Site.WithDbAsync(db => db.Users.CountAsync()));
    }
}

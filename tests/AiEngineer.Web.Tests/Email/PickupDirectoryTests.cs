using AiEngineer.Web.Tests.Infrastructure;
using MimeKit;

namespace AiEngineer.Web.Tests.Email;

/// <summary>The embedded default: no SMTP host, so the worker writes .eml files.</summary>
public class PickupDirectoryTests(PickupDirectoryTests.Fixture fixture) : IClassFixture<PickupDirectoryTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"aie-mail-{Guid.NewGuid():N}");

        protected override void Configure(SiteFactory site)
        {
            site.Settings["Email:Smtp:Host"] = "";
            site.Settings["Email:PickupDirectory"] = Directory;
        }
    }

    [Fact]
    public async Task Registering_writes_the_confirmation_email_as_an_eml_file()
    {
        var client = fixture.Site.CreateBrowserlikeClient();
        var response = await client.PostFormAsync("/Identity/Account/Register", new()
        {
            ["Input.DisplayName"] = "Linus Local",
            ["Input.Email"] = "linus@example.com",
            ["Input.Password"] = SiteFactory.Password,
            ["Input.ConfirmPassword"] = SiteFactory.Password,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        string[] files = [];
        while (files.Length == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            files = System.IO.Directory.Exists(fixture.Directory) ? System.IO.Directory.GetFiles(fixture.Directory, "*.eml") : [];
        }
        var file = Assert.Single(files);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("linus@example.com", message.To.Mailboxes.Single().Address);
        Assert.Equal("Confirm your email address", message.Subject);
        Assert.Contains("/Identity/Account/ConfirmEmail?userId=", message.HtmlBody);
        Assert.Empty(fixture.Smtp.Messages);
    }
}

using System.Net;
using AiEngineer.Core.Accounts;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Cfp;

public class AdminCfpTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task An_organizer_sets_the_window_in_the_event_zone_adds_a_format_and_issues_an_access_code()
    {
        await Site.EnsureCallAsync();
        await Site.CreateUserAsync("boss@example.com", Roles.Organizer);
        var boss = await Site.SignedInClientAsync("boss@example.com");

        var window = await boss.PostFormAsync("/admin/cfp?handler=Window", new()
        {
            ["Window.OpensAt"] = "2026-07-01T09:00",
            ["Window.ClosesAt"] = "2026-09-15T23:59",
            ["Window.Guidance"] = "Be **specific**.",
        }, formPage: "/admin/cfp");
        Assert.Equal(HttpStatusCode.Redirect, window.StatusCode);
        var call = await Site.WithDbAsync(db => db.CallsForPapers.SingleAsync());
        Assert.Equal(new DateTime(2026, 7, 1, 16, 0, 0, DateTimeKind.Utc), call.OpensAt); // 09:00 PDT
        Assert.Equal(new DateTime(2026, 9, 16, 6, 59, 0, DateTimeKind.Utc), call.ClosesAt);

        var backwards = await boss.PostFormAsync("/admin/cfp?handler=Window", new()
        {
            ["Window.OpensAt"] = "2026-09-01T09:00",
            ["Window.ClosesAt"] = "2026-08-01T09:00",
        }, formPage: "/admin/cfp");
        Assert.Contains("The call must close after it opens.", await backwards.Content.ReadAsStringAsync());

        var format = await boss.PostFormAsync("/admin/cfp?handler=Format", new()
        {
            ["Format.Id"] = "0",
            ["Format.Name"] = "Panel",
            ["Format.DurationMinutes"] = "45",
            ["Format.MaxCoSpeakers"] = "4",
            ["Format.IsOpen"] = "false",
        }, formPage: "/admin/cfp");
        Assert.Equal(HttpStatusCode.Redirect, format.StatusCode);
        var panel = await Site.WithDbAsync(db => db.SessionFormats.SingleAsync(f => f.Name == "Panel"));
        Assert.Equal(45, panel.DurationMinutes);
        Assert.False(panel.IsOpen);

        var badFormat = await boss.PostFormAsync("/admin/cfp?handler=Format", new()
        {
            ["Format.Id"] = "0", ["Format.Name"] = "Marathon", ["Format.DurationMinutes"] = "6000", ["Format.MaxCoSpeakers"] = "0",
        }, formPage: "/admin/cfp");
        Assert.Contains("The duration must be between 1 and 600 minutes.", await badFormat.Content.ReadAsStringAsync());
        Assert.False(await Site.WithDbAsync(db => db.SessionFormats.AnyAsync(f => f.Name == "Marathon")));

        var code = await boss.PostFormAsync("/admin/cfp?handler=Code", new()
        {
            ["Code.Code"] = "panel-pass",
            ["Code.Email"] = "panelist@example.com",
            ["Code.SessionFormatId"] = panel.Id.ToString(),
            ["Code.ValidUntil"] = "2026-10-01T12:00",
        }, formPage: "/admin/cfp");
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        var stored = await Site.WithDbAsync(db => db.AccessCodes.SingleAsync(a => a.Code == "PANEL-PASS"));
        Assert.Equal(panel.Id, stored.SessionFormatId);
        Assert.Contains("PANEL-PASS", await boss.GetStringAsync("/admin/cfp"));

        await Site.CreateUserAsync("speaker-only@example.com");
        var speaker = await Site.SignedInClientAsync("speaker-only@example.com");
        var denied = await speaker.GetAsync("/admin/cfp");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }
}

using System.Net;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Review;
using AiEngineer.Web.Tests.Schedule;
using AiEngineer.Web.Tests.Tickets;

namespace AiEngineer.Web.Tests.Admin;

public class ExportTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    [Fact]
    public async Task Every_export_on_the_exports_page_downloads_and_formulas_are_neutralised()
    {
        var typeId = await fixture.AddTypeAsync("Export Type", 5_000, 10);
        var placed = await fixture.BuyAsync(fixture.Site.CreateBrowserlikeClient(), new() { [typeId] = 1 }, "export.buyer@example.com",
            tamper: f => f["Input.BuyerName"] = "=HYPERLINK(\"http://evil\")");
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        await fixture.Site.SetReviewAsync();
        await fixture.Site.ConfirmedProposalAsync("export.speaker@example.com", "+Exported talk", "@Ex Speaker");
        var organizer = await fixture.Site.OrganizerAsync("export.organizer@example.com");

        var hub = await organizer.GetStringAsync("/admin/exports");
        var links = System.Text.RegularExpressions.Regex.Matches(hub, "href=\"(/admin/[^\"]+)\" download").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(6, links.Count);
        foreach (var link in links)
        {
            var r = await organizer.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("text/csv", r.Content.Headers.ContentType!.MediaType);
        }

        var orders = await organizer.GetStringAsync("/admin/exports?handler=Orders");
        Assert.Contains("'=HYPERLINK", orders);
        Assert.Contains("export.buyer@example.com", orders);
        Assert.Contains("50.00", orders);
        var speakers = await organizer.GetStringAsync("/admin/exports?handler=Speakers");
        Assert.Contains("'@Ex Speaker", speakers);
        Assert.Contains("'+Exported talk", speakers);
        Assert.Contains("Confirmed", speakers);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Core.Accounts;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Tickets;

namespace AiEngineer.Web.Tests.Admin;

public class DashboardTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    [Fact]
    public async Task The_dashboard_counts_sold_and_held_tickets_and_revenue_and_every_chart_has_a_table()
    {
        var typeId = await fixture.AddTypeAsync("Dashboard Type", 10_000, 20);
        var buyer = fixture.Site.CreateBrowserlikeClient();
        var paid = await fixture.BuyAsync(buyer, new() { [typeId] = 3 }, "dash.paid@example.com");
        var held = await fixture.BuyAsync(buyer, new() { [typeId] = 2 }, "dash.held@example.com");
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);

        const string email = "dash.organizer@example.com";
        await fixture.Site.CreateUserAsync(email, Roles.Organizer);
        var organizer = await fixture.Site.SignedInClientAsync(email);
        // Mark the first invoice order paid, as the organizer does.
        var code = TicketsFixture.CodeFrom(paid);
        var order = await fixture.OrderAsync(code);
        var marked = await organizer.PostFormAsync($"/admin/orders/{order.Id}?handler=MarkPaid", [], $"/admin/orders/{order.Id}");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);

        var html = WebUtility.HtmlDecode(await organizer.GetStringAsync("/admin"));
        var row = Regex.Match(html, "<tr data-type=\"Dashboard Type\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var cells = Regex.Matches(row, "<td class=\"text-end\">([^<]*)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["20", "3", "2", "15", "$300"], cells);
        Assert.Contains("$300", Regex.Match(html, "data-stat=\"gross\">([^<]*)<").Groups[1].Value);

        // Each chart: a canvas with a label and its data, and the same numbers as a table.
        var canvases = Regex.Matches(html, "<canvas id=\"chart-([a-z-]+)\" role=\"img\" aria-label=\"[^\"]+\" data-chart=").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["sales", "cfp-days", "cfp-tracks", "review", "sponsors", "checkins"], canvases);
        foreach (var id in canvases) Assert.Contains($"data-chart-table=\"{id}\"", html);
        Assert.Contains("/lib/chart.js/dist/chart.umd.min.js", html);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Site.CreateClient().GetAsync("/lib/chart.js/dist/chart.umd.min.js")).StatusCode);
    }
}

using AiEngineer.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Admin;

public class BackOfficeJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_dashboard_draws_its_charts_and_the_people_and_audit_pages_are_accessible()
    {
        var page = await fixture.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await BrowserFixture.SignInAsync(page, "organizer@example.com");
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" }).WaitForAsync();

        // Chart.js (served from /lib, allowed by the CSP) has drawn every canvas.
        var canvases = page.Locator("canvas[data-chart]");
        Assert.Equal(6, await canvases.CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('canvas[data-chart]')].every(c => window.Chart && window.Chart.getChart(c))"));
        // The numbers are also a table.
        await page.GetByText("Show the numbers as a table").First.ClickAsync();
        await page.Locator("table[data-chart-table='sales']").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "admin-dashboard");
        Assert.DoesNotContain(errors, e => !e.Contains("favicon", StringComparison.OrdinalIgnoreCase));

        await page.GotoAsync("/admin/people?q=priya");
        await page.GetByRole(AriaRole.Link, new() { Name = "Priya Patel" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Staff roles" }).WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/admin/audit");
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}

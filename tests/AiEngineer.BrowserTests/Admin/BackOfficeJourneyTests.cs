using AiEngineer.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Admin;

public class BackOfficeJourneyTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
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

    [Fact]
    public async Task Organizers_reword_a_message_with_a_live_preview_write_to_a_segment_and_change_settings()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "organizer@example.com");

        // A template: the preview frame shows the unsaved wording with sample values.
        await page.GotoAsync("/admin/email/templates");
        await page.GetByRole(AriaRole.Link, new() { Name = "Application received" }).ClickAsync();
        await page.GetByLabel("Message (Markdown)").FillAsync("Dear {contact_name},\n\n**{company}** is in the queue for {tier}.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var preview = page.FrameLocator("iframe[name=preview]");
        await preview.GetByText("Vector Labs", new() { Exact = true }).WaitForAsync();
        Assert.Equal("Vector Labs", await preview.Locator("td strong").First.InnerTextAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "admin-email-template");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.GetByText("is saved").WaitForAsync();

        // A message to a segment, previewed first.
        await page.GotoAsync("/admin/email/compose");
        await page.GetByLabel("In-person attendees").CheckAsync();
        await page.GetByLabel("Subject").FillAsync("The stream starts at 9");
        await page.GetByLabel("Message (Markdown)").FillAsync("Hi {name},\n\nThe stream starts at **9:00**.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await page.FrameLocator("iframe[name=preview]").GetByText("The stream starts at 9", new() { Exact = false }).First.WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "admin-email-compose");
        page.Dialog += (_, d) => d.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await page.GetByText("Queued for").WaitForAsync();

        // Settings: a new tagline shows on the home page at once.
        await page.GotoAsync("/admin/settings");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "admin-settings");
        await page.GetByLabel("Tagline · English").FillAsync("Ship AI products that work.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await page.GetByText("The conference details are saved").WaitForAsync();
        await page.GotoAsync("/");
        await page.GetByText("Ship AI products that work.").WaitForAsync();
    }
}

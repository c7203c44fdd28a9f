using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Core.Accounts;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Tests.Cfp;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Review;
using AiEngineer.Web.Tests.Schedule;
using AiEngineer.Web.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Site;

/// <summary>
/// Core's messages with values in them, on Chinese pages: a sale refused for a per-order limit, a ticket type's capacity
/// below what is sold, a double booking in the schedule editor, an order that is already cancelled, a score out of
/// range. Each is the Chinese sentence with its values in place, not the English one.
/// </summary>
public class ChineseMessagesTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private SiteFactory Site => fixture.Site;

    /// <summary>A signed-in account whose language is Chinese (signing in puts it in the cookie).</summary>
    private async Task<HttpClient> ChineseAsync(string email, string? role)
    {
        await Site.CreateUserAsync(email, role);
        await Site.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.Language = "zh-Hans";
            await db.SaveChangesAsync();
        });
        return await Site.SignedInClientAsync(email);
    }

    private Task<int> AddTypeAsync(string name, Action<TicketType>? configure = null) => Site.WithDbAsync(async db =>
    {
        var type = new TicketType { Name = name, Kind = TicketKind.InPerson, PriceMinor = 10_000, Capacity = 20, MaxPerOrder = 5 };
        configure?.Invoke(type);
        db.TicketTypes.Add(type);
        await db.SaveChangesAsync();
        return type.Id;
    });

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_checkout_over_the_per_order_limit_is_refused_in_chinese_with_the_number_and_the_types_chinese_name()
    {
        await Site.EnsureCallAsync(); // the conference
        var plain = await AddTypeAsync("Max Two Pass", t => t.MaxPerOrder = 2);
        var translated = await AddTypeAsync("Team Pass", t => { t.MinPerOrder = 3; t.Translations.Set("zh-Hans", "Name", "团队通票"); });
        var client = Site.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/language?c=zh-Hans&returnUrl=%2F")).StatusCode);

        var refused = await TextAsync(await TicketsFixture.CheckoutAsync(client, new() { [plain] = 3 }, "max.zh@example.com"));
        Assert.Contains("您的订单未能提交：", refused);
        Assert.Contains("Max Two Pass：每个订单最多 2 张。", refused);
        Assert.DoesNotContain("at most 2 per order", refused);

        var tooFew = await TextAsync(await TicketsFixture.CheckoutAsync(client, new() { [translated] = 1 }, "team.zh@example.com"));
        Assert.Contains("团队通票：每个订单至少 3 张。", tooFew);
        Assert.False(await Site.WithDbAsync(db => db.Orders.AnyAsync(o => o.BuyerEmail == "max.zh@example.com" || o.BuyerEmail == "team.zh@example.com")));
    }

    [Fact]
    public async Task A_capacity_below_the_seats_sold_is_refused_in_chinese_with_the_count()
    {
        await Site.EnsureCallAsync();
        var type = await AddTypeAsync("Sold Three Pass", t => { t.Capacity = 10; t.Taken = 3; });
        var organizer = await ChineseAsync("zh.capacity@example.com", Roles.Organizer);
        var response = await organizer.PostFormAsync($"/admin/tickets/edit/{type}", new()
        {
            ["Input.Name"] = "Sold Three Pass", ["Input.Kind"] = "InPerson", ["Input.Price"] = "100", ["Input.Capacity"] = "1",
            ["Input.MinPerOrder"] = "1", ["Input.MaxPerOrder"] = "5", ["Input.SortOrder"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again
        var page = await TextAsync(response);
        Assert.Contains("容量不能少于已售出或已保留的 3 个座位。", page);
        Assert.DoesNotContain("seats already taken", page);
        Assert.Equal(10, await Site.WithDbAsync(db => db.TicketTypes.Where(t => t.Id == type).Select(t => t.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task A_double_booking_is_warned_in_chinese_in_the_schedule_editor()
    {
        await Site.SetReviewAsync();
        var day = await Site.EventDayAsync(1);
        var organizer = await ChineseAsync("zh.scheduler@example.com", Roles.Organizer);
        var first = await Site.ConfirmedProposalAsync("lan.zh@example.com", "Lan first", "Lan Chen");
        var second = await Site.ConfirmedProposalAsync("lan.zh@example.com", "Lan second", "Lan Chen");
        var other = await Site.ConfirmedProposalAsync("bo.zh@example.com", "Bo talk", "Bo Wang");
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.AddSlotsAsync(day, "09:00", "09:30")).StatusCode);
        await organizer.PlaceAsync(Site, first, day, "09:00", "Main Stage");
        await organizer.PlaceAsync(Site, second, day, "09:00", "Room B");
        await organizer.PlaceAsync(Site, other, day, "09:00", "Room B");

        var page = WebUtility.HtmlDecode(await organizer.GetStringAsync($"/admin/schedule?day={day}"));
        const string when = @"\d+月\d+日 周. 上午 9:00";
        Assert.Matches(new Regex($"Lan Chen 在 {when} 同时被安排在两处：“Lan first”（Main Stage）和“Lan second”（Room B）。"), page);
        Assert.Matches(new Regex($"Room B 在 {when} 被重复安排：“Lan second”和“Bo talk”。|Room B 在 {when} 被重复安排：“Bo talk”和“Lan second”。"), page);
        Assert.DoesNotContain("double-booked", page);
        Assert.DoesNotContain("in two places", page);
        // The changes waiting to be published are Chinese too.
        Assert.Matches(new Regex($"已添加“Lan first”：{when}，Main Stage。"), page);
    }

    [Fact]
    public async Task Cancelling_an_order_already_cancelled_is_refused_in_chinese_by_the_orders_own_rule()
    {
        await Site.EnsureCallAsync();
        var type = await AddTypeAsync("Cancel Twice Pass");
        var organizer = await ChineseAsync("zh.orders@example.com", Roles.Organizer);
        var comp = await organizer.PostFormAsync("/admin/orders/comp", new() { ["TicketTypeId"] = type.ToString(), ["Attendees"] = "Li Na, li.na@example.com" });
        Assert.Equal(HttpStatusCode.Redirect, comp.StatusCode);
        var (id, code) = await Site.WithDbAsync(db => db.Orders.Where(o => o.BuyerEmail == "li.na@example.com").Select(o => new ValueTuple<long, string>(o.Id, o.Code)).SingleAsync());
        var page = $"/admin/orders/{id}";

        var cancelled = await organizer.PostFormAsync(page + "?handler=Cancel", [], page);
        Assert.Contains("订单已取消，座位已释放。", await organizer.ShownAsync(cancelled));
        var again = await organizer.ShownAsync(await organizer.PostFormAsync(page + "?handler=Cancel", [], page));
        Assert.Contains($"订单 {code} 当前状态为“已取消”，无法取消。", again);
        Assert.DoesNotContain("cannot be cancelled", again);
    }

    [Fact]
    public async Task A_score_out_of_range_is_refused_in_chinese_with_the_criterion_and_the_range()
    {
        await Site.SetReviewAsync();
        var id = await Site.SubmittedProposalAsync("score.zh@example.com", "Scored in Chinese", "Score Speaker");
        var reviewer = await ChineseAsync("zh.reviewer@example.com", Roles.Reviewer);
        var form = await Site.ScoreFormAsync(9, "太高了");
        var response = await reviewer.PostFormAsync($"/review/{id}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TextAsync(response);
        Assert.Contains("“Relevance to AI engineers”的评分必须在 1 到 5 之间。", page);
        Assert.Contains("“Clarity”的评分必须在 1 到 5 之间。", page);
        Assert.DoesNotContain("must be between", page);
    }
}

using System.Net;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Review;
using AiEngineer.Web.Tests.Schedule;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Feedback;

/// <summary>
/// Two published sessions on the summit's first day (Fay's at 10:00-10:30, Gus's at 11:00-11:30), an organizer, and paid
/// tickets: one for a signed-in holder (by email), others used through the ticket link. The clock stays at the real now,
/// weeks before the summit; each test class moves it.
/// </summary>
public class FeedbackFixture : SiteFixture
{
    public const string SpeakerEmail = "fb.speaker@example.com";
    public const string OtherSpeakerEmail = "fb.other@example.com";
    public const string HolderEmail = "fb.holder@example.com";
    public const string OrganizerEmail = "fb.organizer@example.com";
    public const string Slug = "what-the-evals-said";
    public const string OtherSlug = "shipping-agents-safely";

    public int ProposalId { get; private set; }
    public int OtherProposalId { get; private set; }
    /// <summary>When Fay's session ends, by the published program.</summary>
    public DateTime EndsAt { get; private set; }
    /// <summary>Midnight after the summit's last day plus a week, in the event's zone: feedback closes.</summary>
    public DateTime ClosesAt { get; private set; }
    public IReadOnlyList<string> Tickets { get; private set; } = [];

    protected override async Task SeedAsync()
    {
        await Site.SetReviewAsync();
        var day = await Site.EventDayAsync();
        ProposalId = await Site.ConfirmedProposalAsync(SpeakerEmail, "What the evals said", "Fay Speaker");
        OtherProposalId = await Site.ConfirmedProposalAsync(OtherSpeakerEmail, "Shipping agents safely", "Gus Other");
        var organizer = await Site.OrganizerAsync(OrganizerEmail);
        await organizer.AddSlotsAsync(day, "10:00", "10:30");
        await organizer.AddSlotsAsync(day, "11:00", "11:30");
        await organizer.PlaceAsync(Site, ProposalId, day, "10:00", "Main Stage");
        await organizer.PlaceAsync(Site, OtherProposalId, day, "11:00", "Main Stage");
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PublishAsync("With feedback")).StatusCode);
        (EndsAt, ClosesAt) = await Site.WithDbAsync(async db =>
        {
            var c = await db.Conferences.AsNoTracking().SingleAsync();
            return (c.ToUtc(DateOnly.Parse(day), new TimeOnly(10, 30)), c.ToUtc(c.EndDate.AddDays(8), TimeOnly.MinValue));
        });
        Tickets = await Site.PaidTicketsAsync("fb.buyer@example.com", ("Hana Holder", HolderEmail), ("Ivo Link", "ivo.fb@example.com"),
            ("Jo Link", "jo.fb@example.com"), ("Kim Link", "kim.fb@example.com"));
        await Site.CreateUserAsync(HolderEmail);
    }

    public string Page(string? ticket = null, string slug = Slug) => $"/talks/{slug}/feedback" + (ticket is null ? "" : $"?ticket={ticket}");

    /// <summary>Sends the feedback form as a browser would (the antiforgery token from the same page).</summary>
    public Task<HttpResponseMessage> RateAsync(HttpClient client, string? ticket, int? rating, string? comment = null, string slug = Slug)
    {
        var fields = new Dictionary<string, string>();
        if (rating is not null) fields["Input.Rating"] = rating.Value.ToString();
        if (comment is not null) fields["Input.Comment"] = comment;
        return client.PostFormAsync(Page(ticket, slug), fields);
    }

    /// <summary>
    /// Posts the feedback form where the page shows none (refused, not yet open, closed), as a crafted request would: with
    /// this client's valid antiforgery token, taken from the sign-in form, so what refuses it is the page's own rule.
    /// </summary>
    public async Task<HttpResponseMessage> PostDirectAsync(HttpClient client, string? ticket, int rating, string comment)
    {
        var token = HttpClientFormExtensions.AntiforgeryToken(await client.GetStringAsync("/Identity/Account/Login"));
        return await client.PostAsync(Page(ticket), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Rating"] = rating.ToString(), ["Input.Comment"] = comment, ["__RequestVerificationToken"] = token,
        }));
    }
}

public static class FeedbackTestData
{
    /// <summary>One paid order by <paramref name="buyer"/> with a remote ticket per attendee; the tickets' codes, in order.</summary>
    public static Task<List<string>> PaidTicketsAsync(this SiteFactory site, string buyer, params (string Name, string Email)[] attendees) =>
        site.WithDbAsync(async db =>
        {
            var now = site.Time.GetUtcNow().UtcDateTime;
            var type = new TicketType { Name = "Feedback remote", Kind = TicketKind.Remote, Capacity = 100 };
            db.TicketTypes.Add(type);
            var order = new Order
            {
                Code = Order.NewCode(), AccessToken = Order.NewToken(), IdempotencyKey = Guid.NewGuid(), Status = OrderStatus.Paid,
                BuyerName = "Buyer", BuyerEmail = buyer, CreatedAt = now, HoldExpiresAt = now.AddMinutes(15),
            };
            foreach (var (name, email) in attendees)
                order.Tickets.Add(new Ticket { TicketType = type, Code = Ticket.NewCode(), AttendeeName = name, AttendeeEmail = email });
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            return order.Tickets.Select(t => t.Code).ToList();
        });
}

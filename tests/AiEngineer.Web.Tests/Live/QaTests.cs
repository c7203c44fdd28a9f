using System.Net;
using AiEngineer.Core.Audit;
using AiEngineer.Core.Qa;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Live;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Review;
using AiEngineer.Web.Tests.Schedule;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Live;

/// <summary>
/// A published talk's Q&amp;A through its page: ticket holders ask and upvote (one vote each), the session's speaker
/// moderates (answered, hidden, audited), and nobody else can; every change reaches the browsers watching the talk.
/// </summary>
public class QaTests(QaTests.Fixture fixture) : IClassFixture<QaTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        public int ProposalId { get; private set; }
        public string Slug { get; private set; } = "";
        public string TicketA { get; private set; } = "";
        public string TicketB { get; private set; } = "";
        public string TicketC { get; private set; } = "";

        protected override async Task SeedAsync()
        {
            await Site.SetReviewAsync();
            var day = await Site.EventDayAsync();
            ProposalId = await Site.ConfirmedProposalAsync("qa.speaker@example.com", "Questions worth answering", "Quinn Speaker");
            var organizer = await Site.OrganizerAsync("qa.organizer@example.com");
            await organizer.AddSlotsAsync(day, "10:00", "10:30");
            await organizer.PlaceAsync(Site, ProposalId, day, "10:00", "Main Stage");
            Assert.Equal(HttpStatusCode.Redirect, (await organizer.PublishAsync("With Q&A")).StatusCode);
            Slug = "questions-worth-answering";
            var codes = await Site.WithDbAsync(async db =>
            {
                var now = Site.Time.GetUtcNow().UtcDateTime;
                var type = new TicketType { Name = "QA remote", Kind = TicketKind.Remote, Capacity = 100 };
                db.TicketTypes.Add(type);
                var order = new Order
                {
                    Code = Order.NewCode(), AccessToken = Order.NewToken(), IdempotencyKey = Guid.NewGuid(), Status = OrderStatus.Paid,
                    BuyerName = "Buyer", BuyerEmail = "qa.buyer@example.com", CreatedAt = now, HoldExpiresAt = now.AddMinutes(15),
                };
                foreach (var name in new[] { "Ada Asker", "Ben Voter", "Cy Counter" })
                    order.Tickets.Add(new Ticket { TicketType = type, Code = Ticket.NewCode(), AttendeeName = name, AttendeeEmail = name.Split(' ')[0].ToLowerInvariant() + ".qa@example.com" });
                db.Orders.Add(order);
                await db.SaveChangesAsync();
                return order.Tickets.Select(t => t.Code).ToList();
            });
            (TicketA, TicketB, TicketC) = (codes[0], codes[1], codes[2]);
        }
    }

    private SiteFactory Site => fixture.Site;
    private string Page(string ticket) => $"/talks/{fixture.Slug}/qa?ticket={ticket}";
    private string Handler(string ticket, string handler, long? id = null, string? action = null) =>
        Page(ticket) + $"&handler={handler}" + (id is null ? "" : $"&id={id}") + (action is null ? "" : $"&action={action}");

    private async Task<HttpResponseMessage> AskAsync(HttpClient client, string ticket, string text, bool anonymous = false) =>
        await client.PostFormAsync(Handler(ticket, "Ask"), new() { ["Text"] = text, ["Anonymous"] = anonymous ? "true" : "false" }, Page(ticket));

    private Task<Question> QuestionAsync(string text) => Site.WithDbAsync(db => db.Questions.AsNoTracking().SingleAsync(q => q.Text == text));

    [Fact]
    public async Task Only_ticket_holders_and_the_talks_moderators_open_the_qa()
    {
        var anonymous = Site.CreateClient(new() { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync($"/talks/{fixture.Slug}/qa");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Q&amp;A is for ticket holders", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Page("NOT-A-TICKET"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/talks/no-such-talk/qa")).StatusCode);

        await Site.CreateUserAsync("qa.nobody@example.com");
        var nobody = await Site.SignedInClientAsync("qa.nobody@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, (await nobody.GetAsync($"/talks/{fixture.Slug}/qa")).StatusCode);
        var post = await nobody.PostAsync($"/talks/{fixture.Slug}/qa?handler=Ask", new FormUrlEncodedContent(new Dictionary<string, string> { ["Text"] = "sneaky" }));
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.False(await Site.WithDbAsync(db => db.Questions.AnyAsync(q => q.Text == "sneaky")));

        var speaker = await Site.SignedInClientAsync("qa.speaker@example.com");
        var moderating = WebUtility.HtmlDecode(await speaker.GetStringAsync($"/talks/{fixture.Slug}/qa"));
        Assert.Contains("You are moderating", moderating);
        Assert.Contains("Presenter view", moderating);
    }

    [Fact]
    public async Task A_holder_asks_another_upvotes_once_and_the_list_orders_by_votes()
    {
        var a = Site.CreateBrowserlikeClient();
        var b = Site.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(a, fixture.TicketA, "How do you evaluate agents in CI?")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(b, fixture.TicketB, "What about <script>alert(1)</script> cost?", anonymous: true)).StatusCode);
        var first = await QuestionAsync("How do you evaluate agents in CI?");
        Assert.Equal("Ada", first.AskerName);
        Assert.Equal("", (await QuestionAsync("What about <script>alert(1)</script> cost?")).AskerName);

        var page = await b.GetStringAsync(Page(fixture.TicketB));
        Assert.Contains("What about &lt;script&gt;alert(1)&lt;/script&gt; cost?", page); // encoded, never markup
        Assert.DoesNotContain("<script>alert(1)", page);

        // B upvotes A's question, twice: one vote. A cannot upvote their own.
        Assert.Equal(HttpStatusCode.Redirect, (await b.PostFormAsync(Handler(fixture.TicketB, "Vote", first.Id), [], Page(fixture.TicketB))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await b.PostFormAsync(Handler(fixture.TicketB, "Vote", first.Id), [], Page(fixture.TicketB))).StatusCode);
        Assert.Equal(1, (await QuestionAsync(first.Text)).Votes);
        Assert.Equal(1, await Site.WithDbAsync(db => db.QuestionVotes.CountAsync(v => v.QuestionId == first.Id)));
        var own = await a.ShownAsync(await a.PostFormAsync(Handler(fixture.TicketA, "Vote", first.Id), [], Page(fixture.TicketA)));
        Assert.Contains("You cannot upvote your own question.", own);
        Assert.Equal(1, (await QuestionAsync(first.Text)).Votes);

        var list = WebUtility.HtmlDecode(await b.GetStringAsync(Handler(fixture.TicketB, "List")));
        Assert.True(list.IndexOf("How do you evaluate agents", StringComparison.Ordinal) < list.IndexOf("What about", StringComparison.Ordinal), "the upvoted question comes first");
        Assert.Contains("You upvoted this", list);
    }

    [Fact]
    public async Task Bad_questions_are_refused_and_change_nothing()
    {
        var c = Site.CreateBrowserlikeClient();
        var before = await Site.WithDbAsync(db => db.Questions.CountAsync());
        Assert.Contains("Write your question first.", await c.ShownAsync(await AskAsync(c, fixture.TicketC, "   ")));
        Assert.Contains($"A question can be at most {Question.TextMaxLength} characters.", await c.ShownAsync(await AskAsync(c, fixture.TicketC, new string('q', Question.TextMaxLength + 1))));
        Assert.Equal(before, await Site.WithDbAsync(db => db.Questions.CountAsync()));

        for (var i = 0; i < Question.RateLimit; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(c, fixture.TicketC, $"Rate question {i}")).StatusCode);
        var limited = await c.ShownAsync(await AskAsync(c, fixture.TicketC, "One too many"));
        Assert.Contains($"You can ask {Question.RateLimit} questions a minute.", limited);
        Assert.False(await Site.WithDbAsync(db => db.Questions.AnyAsync(q => q.Text == "One too many")));
        Site.Time.Advance(Question.RateWindow + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(c, fixture.TicketC, "After a minute")).StatusCode);
    }

    [Fact]
    public async Task The_speaker_marks_answered_and_hides_a_question_the_hiding_is_audited_and_holders_cannot_moderate()
    {
        var a = Site.CreateBrowserlikeClient();
        await AskAsync(a, fixture.TicketA, "Please hide me");
        await AskAsync(a, fixture.TicketA, "Please answer me");
        var hide = await QuestionAsync("Please hide me");
        var answer = await QuestionAsync("Please answer me");

        var holder = await a.PostFormAsync(Handler(fixture.TicketA, "Moderate", hide.Id, "Hidden"), [], Page(fixture.TicketA));
        Assert.NotEqual(HttpStatusCode.Redirect, holder.StatusCode);
        Assert.False((await QuestionAsync(hide.Text)).IsHidden);

        var speaker = await Site.SignedInClientAsync("qa.speaker@example.com");
        var talk = $"/talks/{fixture.Slug}/qa";
        Assert.Equal(HttpStatusCode.Redirect, (await speaker.PostFormAsync($"{talk}?handler=Moderate&id={hide.Id}&action=Hidden", [], talk)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await speaker.PostFormAsync($"{talk}?handler=Moderate&id={answer.Id}&action=Answered", [], talk)).StatusCode);
        Assert.True((await QuestionAsync(hide.Text)).IsHidden);
        Assert.True((await QuestionAsync(answer.Text)).IsAnswered);

        Assert.DoesNotContain("Please hide me", await a.GetStringAsync(Page(fixture.TicketA)));
        var moderator = WebUtility.HtmlDecode(await speaker.GetStringAsync(talk));
        Assert.Contains("Please hide me", moderator);
        Assert.Contains("Show again", moderator);
        var audit = await Site.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Question) && e.EntityId == hide.Id.ToString()).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(AuditAction.Modified, entry.Action);
        Assert.Contains("HiddenAt", entry.Changes);

        // The presenter view shows the open questions only.
        var present = WebUtility.HtmlDecode(await speaker.GetStringAsync(talk + "?view=present"));
        Assert.Contains("Top questions", present);
        Assert.DoesNotContain("Please hide me", present);
        Assert.DoesNotContain("Please answer me", present);
    }

    [Fact]
    public async Task A_question_asked_reaches_a_browser_watching_the_talk()
    {
        var received = System.Threading.Channels.Channel.CreateUnbounded<string>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Site.Server.BaseAddress, LiveHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => Site.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        connection.On<string, System.Text.Json.JsonElement>(LiveMessages.Method, (topic, data) => received.Writer.TryWrite(topic + " " + data.GetRawText()));
        await connection.StartAsync();
        Assert.True(await connection.InvokeAsync<bool>("Join", QuestionBoard.Topic(fixture.ProposalId)));

        await AskAsync(Site.CreateBrowserlikeClient(), fixture.TicketB, "Seen live?");
        var id = (await QuestionAsync("Seen live?")).Id;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var message = await received.Reader.ReadAsync(timeout.Token);
        Assert.Equal($"qa:{fixture.ProposalId} {{\"kind\":\"asked\",\"id\":{id}}}", message);
    }
}

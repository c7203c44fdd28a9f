using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Core.Email;
using AiEngineer.Core.Sponsors;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Tests.Infrastructure;
using AiEngineer.Web.Tests.Review;
using AiEngineer.Web.Tests.Schedule;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Admin;

/// <summary>
/// Email › Write to a segment: a message reaches exactly the people in the chosen segment, once each, over real SMTP,
/// at the configured send rate; a second submit of the same form sends nothing more; bad input sends nothing.
/// </summary>
public partial class SegmentEmailTests(SegmentEmailTests.Fixture fixture) : IClassFixture<SegmentEmailTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        protected override void Configure(SiteFactory site) => site.Settings["Email:Outbox:BroadcastPerMinute"] = "60";

        /// <summary>
        /// Paid in-person: Ina (two tickets, one typed in capitals) and Both. Paid remote: Remy and Both. Pending and cancelled
        /// orders do not count. Confirmed speaker: Cora (a merely submitted speaker is left out). Sponsors: approved and live count;
        /// applied and rejected do not.
        /// </summary>
        protected override async Task SeedAsync()
        {
            await Site.ConfirmedProposalAsync("seg.cora@example.com", "Segmented talk", "Cora Speaker");
            await Site.SubmittedProposalAsync("seg.sam@example.com", "Only submitted", "Sam Submitted");
            var contact = await Site.CreateUserAsync("seg.contact-owner@example.com");
            await Site.WithDbAsync(async db =>
            {
                var now = Site.Time.GetUtcNow().UtcDateTime;
                var inPerson = new TicketType { Name = "Seg in-person", Kind = TicketKind.InPerson, Capacity = 100 };
                var remote = new TicketType { Name = "Seg remote", Kind = TicketKind.Remote, Capacity = 100 };
                db.TicketTypes.AddRange(inPerson, remote);
                Order Order(OrderStatus status, params (TicketType Type, string Name, string Email)[] tickets)
                {
                    var o = new Order
                    {
                        Code = Core.Tickets.Order.NewCode(), AccessToken = Core.Tickets.Order.NewToken(), IdempotencyKey = Guid.NewGuid(), Status = status,
                        BuyerName = "Buyer", BuyerEmail = "buyer@example.com", CreatedAt = now, HoldExpiresAt = now.AddMinutes(15),
                    };
                    foreach (var (type, name, email) in tickets)
                        o.Tickets.Add(new Ticket { TicketType = type, Code = Ticket.NewCode(), AttendeeName = name, AttendeeEmail = email });
                    return o;
                }
                db.Orders.AddRange(
                    Order(OrderStatus.Paid, (inPerson, "Ina Person", "seg.ina@example.com"), (inPerson, "Ina Person", "SEG.INA@example.com")),
                    Order(OrderStatus.Paid, (remote, "Remy Remote", "seg.remy@example.com")),
                    Order(OrderStatus.Paid, (inPerson, "Bo Both", "seg.both@example.com"), (remote, "Bo Both", "seg.both@example.com")),
                    Order(OrderStatus.Pending, (inPerson, "Pat Pending", "seg.pending@example.com")),
                    Order(OrderStatus.Cancelled, (inPerson, "Cal Cancelled", "seg.cancelled@example.com")));
                var tier = new SponsorTier { Name = "Seg Gold", PriceMinor = 100000, Slots = 10 };
                db.SponsorTiers.Add(tier);
                Sponsorship Sponsor(string company, SponsorshipStatus status) => new()
                {
                    Slug = company.ToLowerInvariant(), Tier = tier, ContactUserId = contact.Id, CompanyName = company, ContactName = company + " Contact",
                    ContactEmail = $"seg.{company.ToLowerInvariant()}@example.com", Status = status, CreatedAt = now, HoldExpiresAt = now.AddDays(14),
                    IdempotencyKey = Guid.NewGuid(),
                };
                db.Sponsorships.AddRange(Sponsor("Approvedco", SponsorshipStatus.Approved), Sponsor("Liveco", SponsorshipStatus.Live),
                    Sponsor("Appliedco", SponsorshipStatus.Applied), Sponsor("Rejectedco", SponsorshipStatus.Rejected));
                await db.SaveChangesAsync();
            });
        }
    }

    private SiteFactory Site => fixture.Site;

    private static async Task<Dictionary<string, string>> FormAsync(HttpClient organizer, string segment, string subject, string body)
    {
        var page = await organizer.GetStringAsync("/admin/email/compose");
        return new()
        {
            ["__RequestVerificationToken"] = HttpClientFormExtensions.AntiforgeryToken(page),
            ["Input.Key"] = KeyRegex().Match(page).Groups[1].Value,
            ["Input.Segment"] = segment, ["Input.Subject"] = subject, ["Input.Body"] = body,
        };
    }

    private Task<List<OutboundEmail>> RowsAsync(string subject) =>
        Site.WithDbAsync(db => db.OutboundEmails.AsNoTracking().Where(e => e.Subject == subject).OrderBy(e => e.NextAttemptAt).ToListAsync());

    private async Task<List<OutboundEmail>> WaitAllSentAsync(string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var rows = await RowsAsync(subject);
            if (rows.Count > 0 && rows.All(r => r.Status == OutboundEmailStatus.Sent)) return rows;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{rows.Count(r => r.Status != OutboundEmailStatus.Sent)} of {rows.Count} not sent.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task The_compose_page_counts_each_segment_exactly()
    {
        var organizer = await Site.OrganizerAsync("seg.organizer@example.com");
        var page = WebUtility.HtmlDecode(await organizer.GetStringAsync("/admin/email/compose"));
        Assert.Contains("All attendees <span class=\"text-muted\">(3 people)", page);
        Assert.Contains("In-person attendees <span class=\"text-muted\">(2 people)", page);
        Assert.Contains("Remote attendees <span class=\"text-muted\">(2 people)", page);
        Assert.Contains("Confirmed speakers <span class=\"text-muted\">(1 person)", page);
        Assert.Contains("Sponsor contacts <span class=\"text-muted\">(2 people)", page);
    }

    [Fact]
    public async Task A_message_to_in_person_attendees_reaches_exactly_them_once_each()
    {
        var organizer = await Site.OrganizerAsync("seg.organizer@example.com");
        const string subject = "Doors open at 8 for {conference_name}";
        var form = await FormAsync(organizer, "InPersonAttendees", subject, "Hi {name},\n\nBring **your badge**. <script>alert(1)</script>");
        var sent = await organizer.PostAsync("/admin/email/compose?handler=Send", new FormUrlEncodedContent(form));
        Assert.Contains("Queued for 2 people in “In-person attendees”", await organizer.ShownAsync(sent));

        Site.Time.Advance(TimeSpan.FromSeconds(5));
        var expected = "Doors open at 8 for " + await Site.WithDbAsync(db => db.Conferences.Select(c => c.Name).SingleAsync());
        var rows = await WaitAllSentAsync(expected);
        Assert.Equal(["seg.both@example.com", "seg.ina@example.com"], rows.Select(r => r.ToAddress.ToLowerInvariant()).Order().ToArray());
        Assert.All(rows, r => Assert.Equal("broadcast", r.Kind));
        var broadcast = await Site.WithDbAsync(db => db.Broadcasts.SingleAsync(b => b.Subject == subject));
        Assert.Equal(2, broadcast.RecipientCount);
        Assert.All(rows, r => Assert.Equal(broadcast.Id, r.BroadcastId));

        var ina = Assert.Single(fixture.Smtp.To("seg.ina@example.com"), m => m.Subject == expected);
        Assert.Contains("Hi Ina Person", ina.HtmlBody);
        Assert.Contains("<strong>your badge</strong>", ina.HtmlBody);
        Assert.DoesNotContain("<script", ina.HtmlBody);
        Assert.Single(fixture.Smtp.To("seg.both@example.com"), m => m.Subject == expected);
        foreach (var outsider in new[] { "seg.remy@example.com", "seg.pending@example.com", "seg.cancelled@example.com", "seg.cora@example.com", "seg.approvedco@example.com" })
            Assert.DoesNotContain(fixture.Smtp.To(outsider), m => (m.Subject ?? "").StartsWith("Doors open at 8"));

        // The same form again (a double click, a reload): nothing more is queued.
        var again = await organizer.PostAsync("/admin/email/compose?handler=Send", new FormUrlEncodedContent(form));
        Assert.Contains("already queued for 2 people; nothing more was sent", await organizer.ShownAsync(again));
        Assert.Equal(2, (await RowsAsync(expected)).Count);
        Assert.Equal(1, await Site.WithDbAsync(db => db.Broadcasts.CountAsync(b => b.Subject == subject)));

        // The list of broadcasts shows its progress.
        Assert.Matches(@"Doors open at 8 for \{conference_name\}</a></td>\s*<td class=""text-end"">2</td>\s*<td class=""text-end"">2</td>",
            WebUtility.HtmlDecode(await organizer.GetStringAsync("/admin/email/compose")));
    }

    [Fact]
    public async Task Speakers_and_sponsor_contacts_are_their_own_segments_and_the_send_rate_spaces_the_messages()
    {
        var organizer = await Site.OrganizerAsync("seg.organizer@example.com");
        await organizer.PostAsync("/admin/email/compose?handler=Send", new FormUrlEncodedContent(await FormAsync(organizer, "ConfirmedSpeakers", "Speaker briefing", "Hi {name}, the green room opens at 7.")));
        await organizer.PostAsync("/admin/email/compose?handler=Send", new FormUrlEncodedContent(await FormAsync(organizer, "SponsorContacts", "Booth load-in", "Hi {name}, load-in starts at 6.")));

        // 60 a minute: the second sponsor message falls due a second after the first.
        var booth = await RowsAsync("Booth load-in");
        Assert.Equal(["seg.approvedco@example.com", "seg.liveco@example.com"], booth.Select(r => r.ToAddress).Order().ToArray());
        Assert.Equal(TimeSpan.FromSeconds(1), booth[1].NextAttemptAt - booth[0].NextAttemptAt);

        Site.Time.Advance(TimeSpan.FromSeconds(5));
        var speakers = await WaitAllSentAsync("Speaker briefing");
        Assert.Equal("seg.cora@example.com", Assert.Single(speakers).ToAddress);
        Assert.Contains("Hi Cora Speaker", Assert.Single(fixture.Smtp.To("seg.cora@example.com"), m => m.Subject == "Speaker briefing").HtmlBody);
        Assert.DoesNotContain(fixture.Smtp.To("seg.sam@example.com"), m => m.Subject == "Speaker briefing");
        await WaitAllSentAsync("Booth load-in");
        Assert.DoesNotContain(fixture.Smtp.To("seg.appliedco@example.com"), m => m.Subject == "Booth load-in");
        Assert.DoesNotContain(fixture.Smtp.To("seg.rejectedco@example.com"), m => m.Subject == "Booth load-in");
    }

    [Theory]
    [InlineData("AllAttendees", "", "Body", "A subject is required.")]
    [InlineData("AllAttendees", "Hello", "Hi {first_name}", "{first_name} is not a placeholder of this message")]
    [InlineData("42", "Hello", "Body", "Choose who the message goes to.")]
    public async Task Bad_input_is_refused_and_nothing_is_queued(string segment, string subject, string body, string message)
    {
        var organizer = await Site.OrganizerAsync("seg.organizer@example.com");
        var before = await Site.WithDbAsync(db => db.OutboundEmails.CountAsync());
        var response = await organizer.PostAsync("/admin/email/compose?handler=Send", new FormUrlEncodedContent(await FormAsync(organizer, segment, subject, body)));
        var html = await organizer.ShownAsync(response);
        Assert.Contains("Nothing was sent.", html);
        Assert.Contains(message, html);
        Assert.Equal(before, await Site.WithDbAsync(db => db.OutboundEmails.CountAsync()));
    }

    [Fact]
    public async Task The_preview_shows_the_message_for_the_first_person_in_a_sandboxed_document()
    {
        var organizer = await Site.OrganizerAsync("seg.organizer@example.com");
        var form = await FormAsync(organizer, "RemoteAttendees", "Stream link", "Hi {name}, [watch here](https://stream.example/live).");
        var preview = await organizer.PostAsync("/admin/email/compose?handler=Preview", new FormUrlEncodedContent(form));
        Assert.Contains("sandbox", preview.Headers.GetValues("Content-Security-Policy").Single());
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Matches("Hi (Remy Remote|Bo Both), <a href=\"https://stream.example/live\"", html);
        Assert.Contains("<strong>Subject:</strong> Stream link", html);
    }

    [GeneratedRegex("name=\"Input.Key\" value=\"([^\"]+)\"")]
    private static partial Regex KeyRegex();
}

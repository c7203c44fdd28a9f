using System.Net;
using System.Text;
using AiEngineer.Core.Cfp;
using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Security;

/// <summary>
/// Hostile input on every form and on routes with ids and slugs, against the demo summit. Each case fetches its form
/// first and posts with the antiforgery token, so the validation path really runs. Whatever comes back is never a
/// server error and never carries a script or an element the visitor typed unencoded.
/// </summary>
public class HostileInputTests(HostileInputTests.Fixture fixture) : IClassFixture<HostileInputTests.Fixture>
{
    public sealed class Fixture : SiteFixture
    {
        protected override string Environment => "Development"; // the demo: a conference, tickets, proposals, review open

        public Dictionary<string, string> Ids { get; } = new();
        public Dictionary<string, HttpClient> Clients { get; } = new();

        protected override async Task SeedAsync() => await Site.WithDbAsync(async db =>
        {
            var speaker = await db.Users.SingleAsync(u => u.Email == "speaker@example.com");
            Ids["type"] = (await db.TicketTypes.SingleAsync(t => t.Name == "In-person Early Bird")).Id.ToString();
            Ids["format"] = (await db.SessionFormats.FirstAsync(f => f.Name == "Talk")).Id.ToString();
            Ids["track"] = (await db.Tracks.OrderBy(t => t.Id).FirstAsync()).Id.ToString();
            Ids["draft"] = (await db.Proposals.FirstAsync(p => p.State == ProposalState.Draft && p.Speakers.Any(s => s.UserId == speaker.Id))).Id.ToString();
            Ids["others"] = (await db.Proposals.FirstAsync(p => p.Speakers.All(s => s.UserId != speaker.Id))).Id.ToString();
            Ids["review"] = (await db.Proposals.FirstAsync(p => p.State == ProposalState.Submitted && p.Speakers.All(s => s.UserId != speaker.Id))).Id.ToString();
            Ids["criterion"] = (await db.ReviewCriteria.OrderBy(c => c.Id).FirstAsync()).Id.ToString();
            Ids["tier"] = (await db.SponsorTiers.SingleAsync(t => t.Name == "Community")).Id.ToString();
            Ids["day0"] = (await db.Conferences.SingleAsync()).StartDate.ToString("yyyy-MM-dd");
        });

        public async Task<HttpClient> ClientAsync(string who)
        {
            if (Clients.TryGetValue(who, out var client)) return client;
            client = who == "anonymous" ? Site.CreateBrowserlikeClient() : await Site.SignedInClientAsync($"{who}@example.com", DemoSeeder.DemoPassword);
            return Clients[who] = client;
        }
    }

    private const string Script = "<script>alert('xss')</script>";
    private const string Html = "<img src=x onerror=alert(1)>";
    private const string Traversal = "../../../../etc/passwd";
    private static string Long(int n) => new('A', n);
    private static readonly string Unknown = "987654321";

    /// <summary>What a case must answer: a status in 400-499, a redirect to a path, or a page (200) showing the text.</summary>
    public abstract record Outcome
    {
        public sealed record Refused : Outcome;
        public sealed record RedirectTo(string Path) : Outcome;
        public sealed record Shows(string Text) : Outcome;
    }

    private static Outcome Refused => new Outcome.Refused();
    private static Outcome Shows(string text) => new Outcome.Shows(text);

    /// <summary>One hostile request. {name} in a path or a value is replaced by a demo id; Raw is appended to the body unencoded.</summary>
    public sealed record Case(string Who, string Path, Dictionary<string, string>? Fields, Outcome Expect, string? FormPage = null, string? Raw = null,
        (string Name, string FileName, byte[] Bytes)? File = null)
    {
        public bool IsGet => Fields is null;
    }

    private static Case Get(string who, string path, Outcome expect) => new(who, path, null, expect);
    private static Case Post(string who, string path, Outcome expect, params (string Key, string Value)[] fields) =>
        new(who, path, fields.ToDictionary(f => f.Key, f => f.Value), expect);

    private static readonly (string, string)[] GoodRegistration =
        [("Input.DisplayName", "Hostile Tester"), ("Input.Email", "hostile@example.com"), ("Input.Password", "Long-Enough-2026"), ("Input.ConfirmPassword", "Long-Enough-2026")];

    private static (string, string)[] With(IEnumerable<(string Key, string Value)> good, params (string Key, string Value)[] changes) =>
        good.Where(g => changes.All(c => c.Key != g.Key)).Concat(changes).ToArray();

    private static readonly (string, string)[] GoodProposal =
        [("Input.IdempotencyKey", Guid.NewGuid().ToString()), ("Input.Title", "A talk"), ("Input.FormatId", "{format}"), ("Input.TrackId", "{track}"), ("Input.Level", "Intermediate")];

    private static readonly (string, string)[] GoodProfile = [("Input.DisplayName", "Sam Speaker")];

    private static readonly (string, string)[] GoodSponsor =
        [("Input.IdempotencyKey", Guid.NewGuid().ToString()), ("Input.TierId", "{tier}"), ("Input.CompanyName", "Hostile Inc"), ("Input.Website", "https://hostile.example.com"),
         ("Input.ContactName", "Hos Tile"), ("Input.ContactEmail", "hostile@example.com"), ("Input.ContactPhone", "+1 415 555 0100"), ("Input.BillingAddress", "1 Market St"),
         ("Input.Description", "We build things.")];

    private static readonly (string, string)[] GoodCheckout =
        [("Input.IdempotencyKey", Guid.NewGuid().ToString()), ("Input.Attendees[0].TicketTypeId", "{type}"), ("Input.Attendees[0].Name", "Ada Attendee"),
         ("Input.Attendees[0].Email", "ada@example.com"), ("Input.BuyerName", "Ada Attendee"), ("Input.BuyerEmail", "ada@example.com"), ("Input.Method", "Invoice")];

    private static readonly (string, string)[] GoodTicketType =
        [("Input.Name", "Hostile pass"), ("Input.Kind", "InPerson"), ("Input.Price", "10"), ("Input.Capacity", "10"), ("Input.MinPerOrder", "1"), ("Input.MaxPerOrder", "5"), ("Input.SortOrder", "9")];

    private static readonly (string, string)[] GoodVoucher = [("Input.Code", "HOSTILE"), ("Input.Kind", "PercentOff"), ("Input.Value", "10"), ("Input.MaxUses", "5")];

    private static readonly (string, string)[] GoodSettings =
        [("Form.IsOpen", "true"), ("Form.Anonymous", "true"), ("Form.ReviewersPerProposal", "3"), ("Form.Criteria", "Relevance")];

    private const string CheckoutForm = "/tickets/checkout?qty[{type}]=1";
    private const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>";

    public static readonly Dictionary<string, Case> Cases = new()
    {
        // Accounts
        ["register: script in the name, passwords differ"] = Post("anonymous", "/Identity/Account/Register", Shows("The two passwords do not match."),
            With(GoodRegistration, ("Input.DisplayName", Script), ("Input.ConfirmPassword", "Different-2026"))),
        ["register: malformed email"] = Post("anonymous", "/Identity/Account/Register", Shows("not a valid e-mail address"), With(GoodRegistration, ("Input.Email", "not-an-email@"))),
        ["register: HTML as the email"] = Post("anonymous", "/Identity/Account/Register", Shows("not a valid e-mail address"), With(GoodRegistration, ("Input.Email", Html))),
        ["register: overlong name"] = Post("anonymous", "/Identity/Account/Register", Shows("maximum length"), With(GoodRegistration, ("Input.DisplayName", Long(5000)))),
        ["register: short password"] = Post("anonymous", "/Identity/Account/Register", Shows("at least 10 characters"),
            With(GoodRegistration, ("Input.Password", "short"), ("Input.ConfirmPassword", "short"))),
        ["register: null byte in the name"] = Post("anonymous", "/Identity/Account/Register", Refused, With(GoodRegistration, ("Input.DisplayName", "Ada\0Lovelace"))),
        ["register: invalid UTF-8 in the name"] = Post("anonymous", "/Identity/Account/Register", Shows("The two passwords do not match."),
            With(GoodRegistration, ("Input.ConfirmPassword", "Different-2026"))) with { Raw = "Input.DisplayName=%FF%FE%C0%AF%ED%A0%80" },
        ["login: script as the email"] = Post("anonymous", "/Identity/Account/Login", Shows("not a valid e-mail address"), ("Input.Email", Script), ("Input.Password", "whatever-123")),
        ["login: SQL in the email"] = Post("anonymous", "/Identity/Account/Login", Shows("do not match an account"), ("Input.Email", "x'--@example.com"), ("Input.Password", "' OR 1=1 --")),
        ["login: overlong password"] = Post("anonymous", "/Identity/Account/Login", Shows("maximum length"), ("Input.Email", "a@example.com"), ("Input.Password", Long(100_000))),
        ["login: null byte in the email"] = Post("anonymous", "/Identity/Account/Login", Refused, ("Input.Email", "a\0@example.com"), ("Input.Password", "whatever-123")),
        ["forgot password: script as the email"] = Post("anonymous", "/Identity/Account/ForgotPassword", Shows("not a valid e-mail address"), ("Input.Email", Script)),
        ["forgot password: overlong email"] = Post("anonymous", "/Identity/Account/ForgotPassword", Shows("not a valid e-mail address"), ("Input.Email", Long(10_000) + "@@example.com")),

        // Call for papers: proposals
        ["proposal: script in the title, no track"] = Post("speaker", "/my/submissions/edit", Shows("Please choose a track."), With(GoodProposal, ("Input.Title", Script), ("Input.TrackId", ""))),
        ["proposal: HTML in the abstract, no title"] = Post("speaker", "/my/submissions/edit", Shows("Please give your session a title."),
            With(GoodProposal, ("Input.Title", ""), ("Input.Abstract", Html))),
        ["proposal: overlong title"] = Post("speaker", "/my/submissions/edit", Shows("The title can be at most"), With(GoodProposal, ("Input.Title", Long(10_000)))),
        ["proposal: javascript: slides link"] = Post("speaker", "/my/submissions/edit", Shows("must be a full web address"), With(GoodProposal, ("Input.SlidesUrl", "javascript:alert(1)"))),
        ["proposal: data: video link"] = Post("speaker", "/my/submissions/edit", Shows("must be a full web address"), With(GoodProposal, ("Input.VideoUrl", "data:text/html," + Script))),
        ["proposal: unknown format"] = Post("speaker", "/my/submissions/edit", Shows("Please choose one of the formats listed."), With(GoodProposal, ("Input.FormatId", Unknown))),
        ["proposal: non-numeric format"] = Post("speaker", "/my/submissions/edit", Shows("is not valid"), With(GoodProposal, ("Input.FormatId", "abc"))),
        ["proposal: track beyond int"] = Post("speaker", "/my/submissions/edit", Shows("is not valid"), With(GoodProposal, ("Input.TrackId", "99999999999999999999"))),
        ["proposal: negative track"] = Post("speaker", "/my/submissions/edit", Shows("Please choose one of the tracks listed."), With(GoodProposal, ("Input.TrackId", "-5"))),
        ["proposal: unknown level"] = Post("speaker", "/my/submissions/edit", Shows("is not valid"), With(GoodProposal, ("Input.Level", "Godlike"), ("Input.Title", ""))),
        ["proposal: malformed idempotency key"] = Post("speaker", "/my/submissions/edit", Shows("is not valid"), With(GoodProposal, ("Input.IdempotencyKey", "not-a-guid"))),
        ["proposal: overlong access code"] = Post("speaker", "/my/submissions/edit", Shows("That is not an access code."), With(GoodProposal, ("Input.AccessCode", Long(500)))),
        ["proposal: null byte in the abstract"] = Post("speaker", "/my/submissions/edit", Refused, With(GoodProposal, ("Input.Abstract", "Intro\0tail"))),
        ["proposal: editing an unknown id"] = Post("speaker", "/my/submissions/edit/" + Unknown, Refused, GoodProposal) with { FormPage = "/my/submissions/edit" },
        ["proposal: editing another speaker's proposal"] = Post("speaker", "/my/submissions/edit/{others}", Refused, GoodProposal) with { FormPage = "/my/submissions/edit" },
        ["proposal: inviting a malformed email"] = Post("speaker", "/my/submissions/{draft}?handler=Invite", Shows("Please enter a valid email address."), ("InviteEmail", Script)) with { FormPage = "/my/submissions/{draft}" },
        ["proposal: withdrawing an unknown id"] = Post("speaker", "/my/submissions/" + Unknown + "?handler=Withdraw", Refused) with { FormPage = "/my/submissions/edit" },

        // Call for papers: speaker profile
        ["profile: script in the name, javascript: website"] = Post("speaker", "/my/profile", Shows("must be a full web address"),
            With(GoodProfile, ("Input.DisplayName", Script), ("Input.Website", "javascript:alert(1)"))),
        ["profile: no name, HTML headline"] = Post("speaker", "/my/profile", Shows("Please enter the name to show on the program."),
            With(GoodProfile, ("Input.DisplayName", ""), ("Input.Headline", Html))),
        ["profile: overlong bio"] = Post("speaker", "/my/profile", Shows("The bio can be at most"), With(GoodProfile, ("Input.Bio", Long(100_000)))),
        ["profile: ftp GitHub link"] = Post("speaker", "/my/profile", Shows("must be a full web address"), With(GoodProfile, ("Input.GitHub", "ftp://example.com/x"))),
        ["profile: path traversal as a link"] = Post("speaker", "/my/profile", Shows("must be a full web address"), With(GoodProfile, ("Input.LinkedIn", Traversal))),
        ["profile: a script posing as a PNG"] = Post("speaker", "/my/profile", Shows("photo"), GoodProfile)
            with { File = ("Photo", "../../evil.png", Encoding.UTF8.GetBytes("GIF89a" + Script)) },

        // Sponsors
        ["sponsor: javascript: website"] = Post("attendee", "/sponsors/apply", Shows("Enter the website as a full address"), With(GoodSponsor, ("Input.Website", "javascript:alert(1)"))),
        ["sponsor: malformed contact email"] = Post("attendee", "/sponsors/apply", Shows("not a valid e-mail address"), With(GoodSponsor, ("Input.ContactEmail", "@@"))),
        ["sponsor: script as the phone"] = Post("attendee", "/sponsors/apply", Shows("not a valid phone number"), With(GoodSponsor, ("Input.ContactPhone", Script))),
        ["sponsor: overlong description"] = Post("attendee", "/sponsors/apply", Shows("The description can be at most"), With(GoodSponsor, ("Input.Description", Long(200_000)))),
        ["sponsor: non-numeric tier"] = Post("attendee", "/sponsors/apply", Shows("is not valid"), With(GoodSponsor, ("Input.TierId", "gold"))),
        ["sponsor: no logo, script as the company"] = Post("attendee", "/sponsors/apply", Shows("logo"), With(GoodSponsor, ("Input.CompanyName", Script))),
        ["sponsor: scripted SVG logo for an unknown tier"] = Post("attendee", "/sponsors/apply", Shows("tier"), With(GoodSponsor, ("Input.TierId", Unknown)))
            with { File = ("Logo", "logo.svg", Encoding.UTF8.GetBytes(Svg)) },
        ["sponsor: null byte in the company"] = Post("attendee", "/sponsors/apply", Refused, With(GoodSponsor, ("Input.CompanyName", "Evil\0Corp"))),

        // Tickets
        ["checkout: script as the buyer, malformed email"] = Post("anonymous", "/tickets/checkout", Shows("not a valid e-mail address"),
            With(GoodCheckout, ("Input.BuyerName", Script), ("Input.BuyerEmail", "nope"))) with { FormPage = CheckoutForm },
        ["checkout: unknown ticket type"] = Post("anonymous", "/tickets/checkout", new Outcome.RedirectTo("/tickets"), With(GoodCheckout, ("Input.Attendees[0].TicketTypeId", Unknown)))
            with { FormPage = CheckoutForm },
        ["checkout: non-numeric ticket type"] = Post("anonymous", "/tickets/checkout", new Outcome.RedirectTo("/tickets"), With(GoodCheckout, ("Input.Attendees[0].TicketTypeId", "abc")))
            with { FormPage = CheckoutForm },
        ["checkout: more tickets than a type allows"] = Post("anonymous", "/tickets/checkout", Shows("at most"),
            With(GoodCheckout, Enumerable.Range(1, 59).SelectMany(i => new[] { ($"Input.Attendees[{i}].TicketTypeId", "{type}"), ($"Input.Attendees[{i}].Name", $"Guest {i}"), ($"Input.Attendees[{i}].Email", $"g{i}@example.com") }).ToArray()))
            with { FormPage = CheckoutForm },
        ["checkout: unknown shirt size"] = Post("anonymous", "/tickets/checkout", Shows("Unknown T-shirt size"), With(GoodCheckout, ("Input.Attendees[0].ShirtSize", "XXXXXL"))) with { FormPage = CheckoutForm },
        ["checkout: unknown payment method"] = Post("anonymous", "/tickets/checkout", Shows("is not valid"), With(GoodCheckout, ("Input.Method", "Bitcoin"))) with { FormPage = CheckoutForm },
        ["checkout: script as the voucher"] = Post("anonymous", "/tickets/checkout", Shows("voucher"), With(GoodCheckout, ("Input.Voucher", Script))) with { FormPage = CheckoutForm },
        ["checkout: overlong attendee name"] = Post("anonymous", "/tickets/checkout", Shows("maximum length"), With(GoodCheckout, ("Input.Attendees[0].Name", Long(50_000)))) with { FormPage = CheckoutForm },
        ["checkout: null byte in the buyer's name"] = Post("anonymous", "/tickets/checkout", Refused, With(GoodCheckout, ("Input.BuyerName", "Ada\0"))) with { FormPage = CheckoutForm },
        ["waitlist: script as the name, malformed email"] = Post("anonymous", "/tickets/waitlist/{type}", Shows("not a valid e-mail address"), ("Name", Script), ("Email", "x")),
        ["waitlist: unknown ticket type"] = Post("anonymous", "/tickets/waitlist/" + Unknown, Refused, ("Name", "Ada"), ("Email", "ada@example.com")) with { FormPage = "/Identity/Account/Login" },
        ["waitlist: negative ticket type"] = Post("anonymous", "/tickets/waitlist/-1", Refused, ("Name", "Ada"), ("Email", "ada@example.com")) with { FormPage = "/Identity/Account/Login" },
        ["waitlist: id beyond int"] = Get("anonymous", "/tickets/waitlist/99999999999", Refused),
        ["order: unknown code"] = Get("anonymous", "/orders/ZZZZZZZZ?token=" + Guid.NewGuid(), Refused),
        ["order: cancelling an unknown order"] = Post("anonymous", "/orders/" + Guid.NewGuid() + "?handler=Cancel", Refused) with { FormPage = "/Identity/Account/Login" },
        ["order: script as the code"] = Get("anonymous", "/orders/" + Uri.EscapeDataString(Script), Refused),
        ["ticket QR: path traversal"] = Get("anonymous", "/tickets/qr/" + Uri.EscapeDataString(Traversal) + ".png", Refused),

        // Back office: ticket types, vouchers, orders
        ["ticket type: negative price"] = Post("organizer", "/admin/tickets/edit", Shows("The price must be between"), With(GoodTicketType, ("Input.Price", "-5"))),
        ["ticket type: non-numeric price"] = Post("organizer", "/admin/tickets/edit", Shows("is not valid"), With(GoodTicketType, ("Input.Price", "ten dollars"))),
        ["ticket type: capacity beyond int"] = Post("organizer", "/admin/tickets/edit", Shows("is not valid"), With(GoodTicketType, ("Input.Capacity", "99999999999"))),
        ["ticket type: script as the name, minimum over maximum"] = Post("organizer", "/admin/tickets/edit", Shows("The maximum per order must be at least the minimum."),
            With(GoodTicketType, ("Input.Name", Script), ("Input.MinPerOrder", "10"), ("Input.MaxPerOrder", "2"))),
        ["ticket type: sale at the end of time"] = Post("organizer", "/admin/tickets/edit", Shows("required"),
            With(GoodTicketType, ("Input.Name", ""), ("Input.SaleStartsAt", "9999-12-31T23:59"), ("Input.SaleEndsAt", "0001-01-01T00:00"))),
        ["ticket type: unknown kind"] = Post("organizer", "/admin/tickets/edit", Shows("is not valid"), With(GoodTicketType, ("Input.Kind", "Platinum"))),
        ["ticket type: editing an unknown id"] = Post("organizer", "/admin/tickets/edit/" + Unknown, Refused, GoodTicketType) with { FormPage = "/admin/tickets/edit" },
        ["voucher: negative value"] = Post("organizer", "/admin/vouchers", Shows("must be between"), With(GoodVoucher, ("Input.Value", "-10"))),
        ["voucher: uses beyond int"] = Post("organizer", "/admin/vouchers", Shows("is not valid"), With(GoodVoucher, ("Input.MaxUses", "2147483648"))),
        ["voucher: script as the code, 150 percent"] = Post("organizer", "/admin/vouchers", Shows("A percentage is between 1 and 100."), With(GoodVoucher, ("Input.Code", Script), ("Input.Value", "150"))),
        ["voucher: unknown ticket types, no code"] = Post("organizer", "/admin/vouchers", Shows("required"), With(GoodVoucher, ("Input.Code", ""), ("Input.TicketTypeIds", Unknown))),
        ["voucher: valid from the year 1"] = Post("organizer", "/admin/vouchers", Shows("The voucher must end after it starts."),
            With(GoodVoucher, ("Input.ValidFrom", "9999-12-31T23:59"), ("Input.ValidUntil", "0001-01-01T00:00"))),
        ["comp tickets: malformed lines"] = Post("organizer", "/admin/orders/comp", Shows("Line 1: write"), ("TicketTypeId", "{type}"), ("Attendees", Script + ", not-an-email")),
        ["comp tickets: unknown type"] = Post("organizer", "/admin/orders/comp", Shows("Choose a ticket type."), ("TicketTypeId", Unknown), ("Attendees", "Ada, ada@example.com")),
        ["order refund: unknown order"] = Post("organizer", "/admin/orders/" + Unknown + "?handler=Refund", Refused, ("RefundAmount", "1")) with { FormPage = "/admin/orders" },
        ["order search: script"] = Get("organizer", "/admin/orders?q=" + Uri.EscapeDataString(Script), Shows("alert")),
        ["order search: null byte"] = Get("organizer", "/admin/orders?q=a%00b", Refused),
        ["order search: unknown status"] = Get("organizer", "/admin/orders?status=Stolen", Shows("Orders")),

        // Review
        ["review: score above the scale"] = Post("organizer", "/review/{review}", Shows("must be between 1 and 5"), ("Input.Scores[{criterion}]", "9")),
        ["review: negative score"] = Post("organizer", "/review/{review}", Shows("must be between 1 and 5"), ("Input.Scores[{criterion}]", "-3")),
        ["review: non-numeric score"] = Post("organizer", "/review/{review}", Shows("is not valid"), ("Input.Scores[{criterion}]", "five")),
        ["review: unknown criterion"] = Post("organizer", "/review/{review}", Shows("A score was given for an unknown criterion."), ("Input.Scores[" + Unknown + "]", "3")),
        ["review: overlong scripted comment"] = Post("organizer", "/review/{review}", Shows("The comment can be at most"), ("Input.Comment", Script + Long(50_000))),
        ["review: unknown proposal"] = Post("organizer", "/review/" + Unknown, Refused, ("Input.Scores[{criterion}]", "3")) with { FormPage = "/review" },
        ["review settings: reviewers per proposal out of range"] = Post("organizer", "/admin/review?handler=Settings", Shows("Reviewers per proposal must be between 1 and 10."),
            With(GoodSettings, ("Form.ReviewersPerProposal", "99"))) with { FormPage = "/admin/review" },
        ["review settings: overlong criterion"] = Post("organizer", "/admin/review?handler=Settings", Shows("A criterion can be at most"),
            With(GoodSettings, ("Form.Criteria", Script + Long(1000)))) with { FormPage = "/admin/review" },

        // Schedule, availability and sponsor tiers
        ["room: script as the name, negative capacity"] = Post("organizer", "/admin/schedule/setup?handler=Room", Shows("Capacity must be between"),
            ("Room.Name", Script), ("Room.Capacity", "-1")) with { FormPage = "/admin/schedule/setup" },
        ["room: javascript: stream link"] = Post("organizer", "/admin/schedule/setup?handler=Room", Shows("must be a full web address"),
            ("Room.Name", "Hostile hall"), ("Room.StreamUrl", "javascript:alert(1)")) with { FormPage = "/admin/schedule/setup" },
        ["room: editing an unknown id"] = Post("organizer", "/admin/schedule/setup?handler=Room", Refused, ("Room.Id", Unknown), ("Room.Name", "Hostile hall")) with { FormPage = "/admin/schedule/setup" },
        ["slot: a day outside the conference"] = Post("organizer", "/admin/schedule/setup?handler=Slot", Shows("Choose one of the conference days."),
            ("Slot.Day", "1999-01-01"), ("Slot.Start", "10:00"), ("Slot.End", "11:00")) with { FormPage = "/admin/schedule/setup" },
        ["slot: ending before it starts"] = Post("organizer", "/admin/schedule/setup?handler=Slot", Shows("The slot must end after it starts."),
            ("Slot.Day", "{day0}"), ("Slot.Start", "11:00"), ("Slot.End", "10:00")) with { FormPage = "/admin/schedule/setup" },
        ["slot: repeated ten thousand times"] = Post("organizer", "/admin/schedule/setup?handler=Slot", Shows("Repeat between"),
            ("Slot.Day", "{day0}"), ("Slot.Start", "10:00"), ("Slot.End", "11:00"), ("Slot.Repeat", "10000")) with { FormPage = "/admin/schedule/setup" },
        ["slot: a time that is not a time"] = Post("organizer", "/admin/schedule/setup?handler=Slot", Shows("is not valid"),
            ("Slot.Day", "{day0}"), ("Slot.Start", "25:99"), ("Slot.End", Script)) with { FormPage = "/admin/schedule/setup" },
        ["schedule: placing unknown ids"] = Post("organizer", "/admin/schedule?handler=Place", Shows("That session does not exist."),
            ("Place.ProposalId", Unknown), ("Place.SlotId", Unknown), ("Place.RoomId", Unknown)) with { FormPage = "/admin/schedule" },
        ["schedule: script item in an unknown slot"] = Post("organizer", "/admin/schedule?handler=Item", Shows("That time slot does not exist."),
            ("Item.Title", Script), ("Item.SlotId", Unknown), ("Item.Kind", "Break")) with { FormPage = "/admin/schedule" },
        ["schedule: overlong item title"] = Post("organizer", "/admin/schedule?handler=Item", Shows("The title can be at most"),
            ("Item.Title", Long(10_000)), ("Item.SlotId", Unknown)) with { FormPage = "/admin/schedule" },
        ["schedule: overlong publish note"] = Post("organizer", "/admin/schedule?handler=Publish", Shows("The note can be at most"), ("Note", Long(100_000))) with { FormPage = "/admin/schedule" },
        ["availability: days that are not the conference's"] = Post("speaker", "/my/availability", Shows("does not match the conference days"),
            ("Days[0].Day", "1999-01-01"), ("Days[0].Choice", "Sometimes"), ("Days[0].From", Script)),
        ["tier: negative price"] = Post("organizer", "/admin/sponsors/tiers/edit", Shows("The price must be between"), ("Input.Name", "Hostile"), ("Input.Price", "-1")),
        ["tier: slots beyond int"] = Post("organizer", "/admin/sponsors/tiers/edit", Shows("is not valid"), ("Input.Name", "Hostile"), ("Input.Slots", "99999999999")),
        ["tier: script as the name, unknown ticket type"] = Post("organizer", "/admin/sponsors/tiers/edit", Shows("Choose a ticket type that exists."),
            ("Input.Name", Script), ("Input.IncludedTickets", "1"), ("Input.IncludedTicketTypeId", Unknown)),
        ["tier: editing an unknown id"] = Post("organizer", "/admin/sponsors/tiers/edit/" + Unknown, Refused, ("Input.Name", "Hostile")) with { FormPage = "/admin/sponsors/tiers/edit" },

        // Public routes
        ["speaker page: path traversal slug"] = Get("anonymous", "/speakers/" + Uri.EscapeDataString(Traversal), Refused),
        ["talk page: script slug"] = Get("anonymous", "/talks/" + Uri.EscapeDataString(Script), Refused),
        ["sponsor page: path traversal slug"] = Get("anonymous", "/sponsors/" + Uri.EscapeDataString(Traversal), Refused),
        ["sponsor page: script slug"] = Get("anonymous", "/sponsors/" + Uri.EscapeDataString(Script), Refused),
        ["tickets: null byte in the voucher"] = Get("anonymous", "/tickets?voucher=a%00b", Refused),
        ["sponsor apply: tier beyond int"] = Get("attendee", "/sponsors/apply?tier=99999999999", Shows("Apply")),
        ["sponsor logo: unknown id"] = Get("anonymous", "/sponsors/logo/" + Unknown, Refused),
        ["submission: a GUID for an id"] = Get("speaker", "/my/submissions/" + Guid.NewGuid(), Refused),
        ["co-speaker invitation: unknown token"] = Get("speaker", "/cfp/invitations/" + Uri.EscapeDataString(Traversal), Refused),
        ["admin sponsor: unknown id"] = Get("organizer", "/admin/sponsors/" + Unknown, Refused),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    private string Fill(string s) => fixture.Ids.Aggregate(s, (acc, id) => acc.Replace("{" + id.Key + "}", id.Value));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Hostile_input_is_refused_or_answered_with_a_validation_message_never_a_server_error(string name)
    {
        var c = Cases[name];
        var client = await fixture.ClientAsync(c.Who);
        var response = c.IsGet ? await client.GetAsync(Fill(c.Path)) : await PostAsync(client, c);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;

        Assert.True(status < 500, $"{name}: server error {status}");
        Assert.DoesNotContain("<script>alert", body);
        Assert.DoesNotContain("<img src=x", body);
        Assert.DoesNotContain("onload=\"alert", body);
        switch (c.Expect)
        {
            case Outcome.Refused:
                Assert.InRange(status, 400, 499);
                break;
            case Outcome.RedirectTo(var path):
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith(path, response.Headers.Location!.OriginalString);
                break;
            case Outcome.Shows(var text):
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains(text, WebUtility.HtmlDecode(body), StringComparison.OrdinalIgnoreCase);
                break;
        }
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, Case c)
    {
        var token = HttpClientFormExtensions.AntiforgeryToken(await client.GetStringAsync(Fill(c.FormPage ?? c.Path.Split('?')[0])));
        var fields = c.Fields!.Select(f => (Key: Fill(f.Key), Value: Fill(f.Value))).Append((Key: "__RequestVerificationToken", Value: token)).ToList();
        if (c.File is { } file)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (key, value) in fields) multipart.Add(new StringContent(value), key);
            multipart.Add(new ByteArrayContent(file.Bytes), file.Name, file.FileName);
            return await client.PostAsync(Fill(c.Path), multipart);
        }
        var body = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        if (c.Raw is not null) body += "&" + c.Raw;
        return await client.PostAsync(Fill(c.Path), new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
    }
}

namespace AiEngineer.Core.Email;

/// <summary>
/// Every kind of message the site sends, with its default wording (Markdown) and the placeholders it fills.
/// Organizers override subject and body per kind (<see cref="EmailTemplate"/>); the code that sends a kind fills
/// exactly these placeholders, and the template editor accepts no others.
/// </summary>
public static class EmailCatalog
{
    private const PlaceholderKind Link = PlaceholderKind.Link;
    private const PlaceholderKind Block = PlaceholderKind.Block;

    public static readonly Placeholder ConferenceName = new("conference_name", "The conference's name", "AI Engineer Summit");
    private static readonly Placeholder AccountName = new("name", "The account's name (its email address when it has none)", "Grace Hopper");
    private static readonly Placeholder SpeakerName = new("speaker_name", "The speaker's name", "Ada Lovelace");
    private static readonly Placeholder Title = new("title", "The proposal's title", "Evals that catch regressions before your users do");
    private static readonly Placeholder ProposalLink = new("proposal_link", "The speaker's page for the proposal", "https://summit.example/my/submissions/42", Link);
    private static readonly Placeholder BuyerName = new("buyer_name", "The buyer's name", "Grace Hopper");
    private static readonly Placeholder OrderCode = new("order_code", "The order's code", "K7Q2-M4XP");
    private static readonly Placeholder OrderLink = new("order_link", "The order's private page", "https://summit.example/orders/K7Q2-M4XP?token=…", Link);
    private static readonly Placeholder OrderSummary = new("order_summary", "A table of the tickets, discount and total", SampleSummary, Block);
    private static readonly Placeholder ContactName = new("contact_name", "The sponsor contact's name", "Radia Perlman");
    private static readonly Placeholder Company = new("company", "The sponsor's company", "Vector Labs");
    private static readonly Placeholder Tier = new("tier", "The sponsorship tier", "Gold");
    private static readonly Placeholder PortalLink = new("portal_link", "The sponsor portal", "https://summit.example/my/sponsor", Link);
    private static readonly Placeholder BankDetails = new("bank_details", "Where to pay by bank transfer (Tickets:BankDetails)", "Bank: Example Bank · Account 000000000000");
    private static readonly Placeholder SessionTitle = new("title", "The session's title", "Evals that catch regressions before your users do");
    private static readonly Placeholder When = new("when", "Day and time, in the event's zone", "Thu Dec 10, 2:00–2:25 PM (America/Los_Angeles)");
    private static readonly Placeholder Room = new("room", "The room", "Main Stage");
    private static readonly Placeholder SessionLink = new("session_link", "The talk's public page (or the speaker's submissions when removed)", "https://summit.example/talks/evals-that-catch-regressions", Link);

    private const string SampleSummary =
        "<table role=\"presentation\" style=\"width:100%;border-collapse:collapse\"><tr><td style=\"padding:4px 0\">2 × In-person</td><td style=\"text-align:right\">$1,598.00</td></tr>" +
        "<tr><td style=\"padding:4px 0;border-top:1px solid #ddd\"><strong>Total</strong></td><td style=\"text-align:right;border-top:1px solid #ddd\"><strong>$1,598.00</strong></td></tr></table>";

    private const string SampleTicket =
        "<div style=\"border:1px solid #e6e6f0;border-radius:12px;padding:16px;margin:16px 0\"><p style=\"margin:0 0 4px\"><strong>Grace Hopper</strong> — In-person</p>" +
        "<p style=\"margin:0 0 8px;font-family:monospace;font-size:16px\">Ticket code: T-8F3K2Q</p><p>(QR code)</p></div>";

    private const string SampleAgendaChanges =
        "<ul style=\"padding-left:20px\"><li style=\"margin:0 0 8px\"><a href=\"https://summit.example/talks/evals-that-catch-regressions\"><strong>Evals that catch regressions before your users do</strong></a><br>" +
        "Now Thu Dec 10, 2:00–2:25 PM in Main Stage <span style=\"color:#666\">(was Wed Dec 9, 11:00–11:25 AM in Room 2)</span></li></ul>";

    public static readonly IReadOnlyList<EmailKind> All =
    [
        new("account.confirm-email", "Accounts", "Confirm email address", "Someone signs up, asks for the confirmation again, or changes their email.",
            "Confirm your email address",
            "Welcome to {conference_name}, {name}. Please [confirm your email address]({link}) to finish creating your account.\n\nIf you did not sign up, ignore this email.",
            [AccountName, new("link", "The confirmation link", "https://summit.example/Identity/Account/ConfirmEmail?…", Link), ConferenceName]),
        new("account.reset-password", "Accounts", "Reset password", "Someone asks to reset their password.",
            "Reset Password",
            "Hi {name},\n\nPlease reset your password by [clicking here]({link}).\n\nIf you did not ask for this, ignore this email: your password stays as it is.",
            [AccountName, new("link", "The reset link", "https://summit.example/Identity/Account/ResetPassword?…", Link), ConferenceName]),

        new("cfp.receipt", "Call for papers", "Proposal received", "A speaker submits a proposal (to every speaker on it).",
            "We received your proposal: {title}",
            "Hi {speaker_name},\n\nThank you for submitting to the call for papers. Your proposal is in, and you can [see or change it]({proposal_link}) while the call is open for its format.\n\n" +
            "This is a copy of what you submitted:\n\n{proposal}\n\nWe will write again when the review committee has decided.",
            [SpeakerName, Title, ProposalLink, new("proposal", "A table with everything the speaker submitted", "<table><tr><td><strong>Title</strong></td><td>Evals that catch regressions</td></tr></table>", Block), ConferenceName]),
        new("cfp.state", "Call for papers", "Proposal state changed", "A speaker withdraws, confirms or declines, and the other speakers on the proposal are told.",
            "Your proposal is now {state}: {title}",
            "Hi {speaker_name},\n\nYour proposal **{title}** is now **{state}**.\n\n[See the proposal]({proposal_link})",
            [SpeakerName, Title, new("state", "The new state, in lower case", "confirmed"), ProposalLink, ConferenceName]),
        new("cfp.invitation", "Call for papers", "Co-speaker invitation", "A speaker invites someone to co-present.",
            "{inviter_name} invites you to co-present \"{title}\"",
            "Hi,\n\n{inviter_name} has added you as a co-speaker on the proposal **{title}** for the {conference_name} call for papers.\n\n" +
            "[Accept the invitation]({invitation_link})\n\nYou will be asked to sign in, or to create an account if you do not have one. The link works for 30 days.",
            [new("inviter_name", "The inviting speaker's name", "Ada Lovelace"), Title, new("invitation_link", "The link that accepts the invitation", "https://summit.example/cfp/invitation/…", Link), ConferenceName]),
        new("cfp.cospeaker-joined", "Call for papers", "Co-speaker joined", "An invited co-speaker accepts (to the other speakers).",
            "{co_speaker_name} joined your proposal: {title}",
            "Hi {speaker_name},\n\n{co_speaker_name} accepted your invitation and is now a co-speaker on **{title}**.\n\n[See the proposal]({proposal_link})",
            [SpeakerName, new("co_speaker_name", "The co-speaker who joined", "Katherine Johnson"), Title, ProposalLink, ConferenceName]),

        new("review.accepted", "Review", "Proposal accepted", "An organizer accepts a proposal: drafted per speaker, read and sent from Review › Notifications.",
            "Your proposal “{title}” is accepted",
            "Hi {speaker_name},\n\nWe are delighted to accept “{title}”. Please confirm you will speak by {confirm_by}: [confirm or decline here]({confirm_link}).\n\nThank you!",
            [SpeakerName, Title, new("confirm_link", "The speaker's page, where they confirm or decline", "https://summit.example/my/submissions/42", Link), new("confirm_by", "The confirm-by date, or “as soon as you can”", "December 1, 2026 5:00 PM (America/Los_Angeles)"), ConferenceName]),
        new("review.rejected", "Review", "Proposal not accepted", "An organizer rejects a proposal: drafted per speaker, read and sent from Review › Notifications.",
            "About your proposal “{title}”",
            "Hi {speaker_name},\n\nThank you for proposing “{title}”. We received many strong proposals and could not include yours this year.\n\nWe hope to see you at the conference.",
            [SpeakerName, Title, new("confirm_link", "The speaker's page for the proposal", "https://summit.example/my/submissions/42", Link), new("confirm_by", "The confirm-by date", "December 1, 2026"), ConferenceName]),
        new("review.waitlisted", "Review", "Proposal waitlisted", "An organizer waitlists a proposal: drafted per speaker, read and sent from Review › Notifications.",
            "Your proposal “{title}” is on the waitlist",
            "Hi {speaker_name},\n\n“{title}” is on our waitlist. If a slot opens we will write to you again.\n\nThank you for your patience.",
            [SpeakerName, Title, new("confirm_link", "The speaker's page for the proposal", "https://summit.example/my/submissions/42", Link), new("confirm_by", "The confirm-by date", "December 1, 2026"), ConferenceName]),

        new("schedule.added", "Schedule", "Session scheduled", "A published schedule places a speaker's session for the first time.",
            "Your session is on the schedule: {title}",
            "Hi {speaker_name},\n\n**{title}** is scheduled for **{when}** in **{room}**.\n\n[See your session]({session_link})\n\nIf this time does not work for you, reply to this email as soon as you can.",
            [SpeakerName, SessionTitle, When, Room, SessionLink, ConferenceName]),
        new("schedule.moved", "Schedule", "Session moved", "A published schedule moves a speaker's session.",
            "Your session has moved: {title}",
            "Hi {speaker_name},\n\n**{title}** has moved. It is now on **{when}** in **{room}**.\n\n[See your session]({session_link})\n\nIf this time does not work for you, reply to this email as soon as you can.",
            [SpeakerName, SessionTitle, When, Room, SessionLink, ConferenceName]),
        new("schedule.removed", "Schedule", "Session removed", "A published schedule no longer has a speaker's session.",
            "Your session is off the schedule: {title}",
            "Hi {speaker_name},\n\n**{title}** is no longer on the published schedule. The organizers will be in touch.\n\n[Your submissions]({session_link})",
            [SpeakerName, SessionTitle, When, Room, SessionLink, ConferenceName]),
        new("agenda.changed", "Schedule", "Starred sessions changed", "A published schedule moves or removes sessions that someone starred: one email per person and publish, listing all of theirs.",
            "Your agenda has changed",
            "Hi {name},\n\nThe new schedule changes sessions you starred:\n\n{changes}\n\n[See your agenda]({agenda_link})\n\nYou get this email because you starred these sessions on the schedule.",
            [new("name", "The attendee's name (their email address when they have none)", "Grace Hopper"),
             new("changes", "A list of the starred sessions that moved (with the new and old time and room) or left the program", SampleAgendaChanges, Block),
             new("agenda_link", "The attendee's agenda", "https://summit.example/my/agenda", Link), ConferenceName]),

        new("tickets.confirmation", "Tickets", "Order confirmation with tickets", "An order is paid (card, invoice, free or complimentary).",
            "Your tickets: order {order_code}",
            "# You're going to {conference_name}\n\nThank you, {buyer_name}. Order **{order_code}** is confirmed.\n\n{order_summary}\n\n{tickets}\n\n" +
            "[View or manage your order]({order_link}) (edit attendee details, transfer a ticket, download the receipt).",
            [BuyerName, OrderCode, OrderSummary, new("tickets", "Each ticket with its attendee, code, QR code and where to go", SampleTicket, Block), OrderLink, ConferenceName]),
        new("tickets.invoice", "Tickets", "Invoice instructions", "A buyer chooses to pay by invoice.",
            "Invoice for order {order_code}",
            "Thank you, {buyer_name}. Your seats are reserved under order **{order_code}**.\n\n{order_summary}\n\n" +
            "Please pay **{amount}** by bank transfer by **{due_date}**, quoting **{order_code}**.\n\n{bank_details}\n\n" +
            "Your tickets arrive by email as soon as the payment is received. [View your order and invoice]({order_link}).",
            [BuyerName, OrderCode, OrderSummary, new("amount", "The amount due", "$1,598.00"), new("due_date", "The invoice due date", "December 14, 2026"), BankDetails, OrderLink, ConferenceName]),
        new("tickets.transfer", "Tickets", "Ticket transferred", "A ticket holder transfers a ticket to someone else (to the new holder).",
            "A ticket has been transferred to you",
            "Hello {attendee_name},\n\nA ticket for {conference_name} has been transferred to you.\n\n{ticket}\n\nShow this code at registration. The previous holder's code no longer works.",
            [new("attendee_name", "The new holder's name", "Katherine Johnson"), new("ticket_code", "The new ticket code", "T-8F3K2Q"),
             new("ticket", "The ticket code and its QR code", SampleTicket, Block), ConferenceName]),
        new("tickets.cancelled", "Tickets", "Order cancelled", "A buyer or an organizer cancels an order.",
            "Order {order_code} cancelled",
            "Hello {buyer_name},\n\nOrder **{order_code}** has been cancelled.{refund_note}\n\n[View the order]({order_link})",
            [BuyerName, OrderCode, new("refund_note", "“ $X has been refunded.” when money went back, else nothing", " $799.00 has been refunded."), OrderLink, ConferenceName]),
        new("tickets.refunded", "Tickets", "Order refunded", "An organizer refunds an order in full.",
            "Order {order_code} refunded",
            "Hello {buyer_name},\n\nOrder **{order_code}** has been refunded.{refund_note}\n\n[View the order]({order_link})",
            [BuyerName, OrderCode, new("refund_note", "“ $X has been refunded.” when money went back, else nothing", " $799.00 has been refunded."), OrderLink, ConferenceName]),
        new("tickets.waitlist", "Tickets", "Waitlist offer", "A seat frees up and the next person on the waitlist gets a voucher.",
            "A {ticket_type} ticket is yours if you want it",
            "Hello {name},\n\nA **{ticket_type}** ticket has become available and we are holding it for you until **{hold_until}**.\n\n" +
            "[Get your ticket]({claim_link}) (voucher code **{voucher_code}**).\n\nAfter that the seat goes to the next person on the waitlist.",
            [new("name", "The person on the waitlist", "Grace Hopper"), new("ticket_type", "The ticket type", "In-person"), new("hold_until", "Until when the seat is held", "December 2, 09:00 UTC"),
             new("voucher_code", "The voucher that claims it", "WL-7K2M9Q"), new("claim_link", "The ticket page with the voucher filled in", "https://summit.example/tickets?voucher=WL-7K2M9Q", Link), ConferenceName]),

        new("sponsors.received", "Sponsors", "Application received", "A company applies to sponsor.",
            "We received {company}'s sponsorship application",
            "Hello {contact_name},\n\nThank you for applying to sponsor {conference_name} at the **{tier}** level. A slot is held for {company} while the organizers review the application; you will hear from us within a few days.\n\n[Follow your application]({portal_link})",
            [ContactName, Company, Tier, PortalLink, ConferenceName]),
        new("sponsors.approved", "Sponsors", "Application approved", "An organizer approves an application.",
            "{company} is approved as a {tier} sponsor",
            "Hello {contact_name},\n\nGood news: {company}'s **{tier}** sponsorship is approved.\n\n{message}\n\n" +
            "Please pay **{amount}** by **{pay_by}** by bank transfer, quoting {reference}: {bank_details}\n\n{card_option}\n\nYour slot is held until then. [Your sponsor portal]({portal_link})",
            [ContactName, Company, Tier, new("message", "The organizer's note on the decision", "Welcome aboard!"), new("amount", "The tier's price", "$25,000.00"),
             new("pay_by", "The payment due date", "December 14, 2026"), new("reference", "The payment reference", "SPONSOR-12"), BankDetails,
             new("card_option", "A line offering card payment in the portal, when card payments are set up", "<p>Or pay by card in <a href=\"https://summit.example/my/sponsor\">your sponsor portal</a>.</p>", Block),
             PortalLink, ConferenceName]),
        new("sponsors.rejected", "Sponsors", "Application declined", "An organizer declines an application.",
            "Your sponsorship application",
            "Hello {contact_name},\n\nThank you for applying to sponsor {conference_name}. We are not able to accept {company}'s application this time.\n\n{message}",
            [ContactName, Company, new("message", "The organizer's note on the decision", "All Gold slots are taken."), ConferenceName]),
        new("sponsors.live", "Sponsors", "Sponsor live", "A sponsorship is paid and the logo goes on the sponsor wall.",
            "Payment received: {company} is live",
            "Hello {contact_name},\n\nWe received the payment for {company}'s {tier} sponsorship. Your logo is now on the sponsor wall: {sponsor_link}.\n\n[Your sponsor portal]({portal_link}) has your receipt.",
            [ContactName, Company, Tier, new("sponsor_link", "The sponsor's public page", "https://summit.example/sponsors/vector-labs", Link), PortalLink, ConferenceName]),
    ];

    /// <summary>What an organizer writes to a segment from Email › Compose; not a template, but filled the same way.</summary>
    public static readonly EmailKind Broadcast = new("broadcast", "Broadcast", "Message to a segment", "An organizer sends it from Email › Compose.",
        "", "", [new("name", "The recipient's name (or their email address when no name is known)", "Grace Hopper"), ConferenceName]);

    private static readonly Dictionary<string, EmailKind> ByKind = All.ToDictionary(k => k.Kind);

    public static EmailKind? Find(string kind) => ByKind.GetValueOrDefault(kind);

    public static EmailKind Get(string kind) => ByKind.TryGetValue(kind, out var k) ? k : throw new ArgumentException($"No email kind '{kind}'.", nameof(kind));
}

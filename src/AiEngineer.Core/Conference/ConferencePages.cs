namespace AiEngineer.Core.Conference;

/// <summary>The texts the policy pages show until an organizer writes their own (Markdown).</summary>
public static class ConferencePages
{
    public const string CodeOfConduct = """
        The summit is for everyone who builds with AI. We want it to be a harassment-free experience for all, in person and online.

        ## The short version

        Be kind, be professional, and respect the people around you. Harassment in any form is not tolerated: offensive comments, intimidation, stalking, unwelcome photography or recording, sustained disruption of talks, and unwelcome physical contact or attention.

        ## Where it applies

        At the venue, at every official social event, in the livestream chat and in every online space of the summit. It applies to attendees, speakers, sponsors, volunteers and organizers alike.

        ## Speakers and sponsors

        Talks, slides, booths and demos must not contain sexualised imagery or discriminatory content. Sponsors must not use sexualised images, activities or other material.

        ## Reporting

        If you feel unsafe or see something that breaks this code, find any organizer (they wear staff badges) or write to the organizers. Reports are handled promptly and confidentially. Organizers may take any action they judge appropriate, up to expulsion without refund.
        """;

    public const string Privacy = """
        What we collect, why, and what you can do about it.

        ## What we collect

        Your account's email address and name; for speakers, the profile and proposals you submit; for attendees, the details on your order and tickets; for sponsors, the company and contact details on the application.

        ## Why

        To run the conference: to sell and check tickets, to review talks, to publish the program and to send you the messages your activity on the site calls for. We do not sell personal data.

        ## Payments

        Card payments are handled by Stripe. Card numbers never reach this site.

        ## Your rights

        You can change your details under your account settings, download your data and delete your account. Orders are kept for accounting, with personal data removed.
        """;
}

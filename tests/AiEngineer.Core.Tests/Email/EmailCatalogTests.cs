using AiEngineer.Core.Email;
using AiEngineer.Core.Review;

namespace AiEngineer.Core.Tests.Email;

public class EmailCatalogTests
{
    public static TheoryData<string> Kinds() => new(EmailCatalog.All.Select(k => k.Kind));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_default_wording_is_valid_for_its_own_placeholders(string kind)
    {
        var k = EmailCatalog.Get(kind);
        Assert.Empty(EmailTemplate.Validate(k, k.Subject, k.Body));
        Assert.All(k.Placeholders, p => Assert.False(string.IsNullOrWhiteSpace(p.Sample), $"{kind}: {{{p.Name}}} has no sample"));
    }

    [Fact]
    public void Kinds_are_unique_and_every_decision_has_one()
    {
        Assert.Equal(EmailCatalog.All.Count, EmailCatalog.All.Select(k => k.Kind).Distinct().Count());
        foreach (var d in Enum.GetValues<DecisionKind>())
            Assert.NotNull(EmailCatalog.Find(DecisionNotification.EmailKindOf(d)));
    }

    [Fact]
    public void An_unknown_placeholder_is_refused_with_the_ones_that_exist()
    {
        var k = EmailCatalog.Get("tickets.confirmation");
        var problem = Assert.Single(EmailTemplate.Validate(k, "Hi {buyer_name}", "Your seat: {seat_number}"));
        Assert.Contains("{seat_number} is not a placeholder", problem.English);
        Assert.Contains("{order_code}", problem.English);
    }

    [Fact]
    public void A_block_placeholder_is_refused_in_the_subject()
    {
        var k = EmailCatalog.Get("tickets.confirmation");
        var problem = Assert.Single(EmailTemplate.Validate(k, "Tickets {tickets}", "{tickets}"));
        Assert.Contains("only be used in the message", problem.English);
    }

    [Theory]
    [InlineData("", "Body", "A subject is required.")]
    [InlineData("Subject", " ", "A message is required.")]
    [InlineData("Two\nlines", "Body", "The subject must be one line.")]
    public void Empty_or_broken_wording_is_refused(string subject, string body, string expected) =>
        Assert.Contains(expected, EmailTemplate.Validate(EmailCatalog.Get("cfp.state"), subject, body));

    [Fact]
    public void Overlong_wording_is_refused()
    {
        var problems = EmailTemplate.Validate(EmailCatalog.Get("cfp.state"), new string('s', EmailTemplate.SubjectMaxLength + 1), new string('b', EmailTemplate.BodyMaxLength + 1));
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Fill_replaces_known_placeholders_and_leaves_others()
    {
        var text = EmailTemplate.Fill("Hi {speaker_name}, “{title}” {unknown}", new Dictionary<string, string> { ["speaker_name"] = "Ada", ["title"] = "Evals" });
        Assert.Equal("Hi Ada, “Evals” {unknown}", text);
    }

    [Fact]
    public void A_broadcast_spreads_its_messages_at_the_send_rate()
    {
        var start = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(start, Broadcast.DueAt(start, 0, 60));
        Assert.Equal(start.AddSeconds(1), Broadcast.DueAt(start, 1, 60));
        Assert.Equal(start.AddMinutes(2), Broadcast.DueAt(start, 240, 120));
    }
}

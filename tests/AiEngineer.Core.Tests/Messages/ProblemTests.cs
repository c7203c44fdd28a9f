using AiEngineer.Core.Cfp;
using AiEngineer.Core.Messages;
using AiEngineer.Core.Tickets;

namespace AiEngineer.Core.Tests.Messages;

public class ProblemTests
{
    private static Problem Say(Problem problem) => problem;

    [Fact]
    public void An_interpolated_problem_keeps_its_format_and_values()
    {
        var name = "Early Bird";
        var p = Say($"{name}: at most {3} per order.");
        Assert.Equal("{0}: at most {1} per order.", p.Format);
        Assert.Equal(new object?[] { "Early Bird", 3 }, p.Arguments);
        Assert.Equal("Early Bird: at most 3 per order.", p.English);
        Assert.Equal(p.English, p.ToString());
    }

    [Fact]
    public void Braces_of_the_text_are_escaped_and_format_specifiers_kept()
    {
        var name = "iban";
        var at = new DateTime(2026, 12, 9, 15, 0, 0);
        var p = Say($"{{{name}}} is not a placeholder, at {at:ddd MMM d, h:mm tt}.");
        Assert.Equal("{{{0}}} is not a placeholder, at {1:ddd MMM d, h:mm tt}.", p.Format);
        Assert.Equal("{iban} is not a placeholder, at Wed Dec 9, 3:00 PM.", p.English);
    }

    [Fact]
    public void A_plain_sentence_converts_and_its_braces_are_text()
    {
        Problem p = "Use {name} here.";
        Assert.Equal("Use {{name}} here.", p.Format);
        Assert.Empty(p.Arguments);
        Assert.Equal("Use {name} here.", p.English);
    }

    [Fact]
    public void Enums_read_as_lower_case_words_and_problems_as_their_english()
    {
        Problem inner = "The call for papers has not opened yet.";
        var p = Say($"Order {"ABC"} is {OrderStatus.RefundDue}. {inner}");
        Assert.Equal("Order ABC is refund due. The call for papers has not opened yet.", p.English);
        Assert.Same(inner, p.Arguments[2]);
    }

    [Fact]
    public void Equal_problems_have_the_same_format_and_values()
    {
        Assert.Equal(Say($"{"A"} is sold out."), Say($"{"A"} is sold out."));
        Assert.NotEqual(Say($"{"A"} is sold out."), Say($"{"B"} is sold out."));
        Assert.NotEqual(Say($"{"A"} is sold out."), "A is sold out."); // the value baked in is another message
        Assert.Equal("Choose how to pay.", Say("Choose how to pay."));
    }

    [Fact]
    public void Problems_join_as_one_with_each_kept()
    {
        IReadOnlyList<Problem> problems = ["First.", Say($"Second {2}.")];
        var joined = Problem.Join(problems);
        Assert.Equal("{0} {1}", joined.Format);
        Assert.Equal("First. Second 2.", joined.English);
        Assert.Same(problems[0], Problem.Join([problems[0]]));
    }

    [Fact]
    public void Where_a_problem_is_expected_an_interpolation_keeps_its_values_too()
    {
        // Parameters, params arrays, list adds and tuple elements all convert through the handler.
        var outcome = OrderOutcome.Fail($"{"Rush"} is sold out.");
        Assert.Equal("{0} is sold out.", outcome.Errors[0].Format);
        var list = new List<Problem> { $"Only {2} left." };
        Assert.Equal("Only {0} left.", list[0].Format);
        (int, Problem?) pair = (1, $"{"x"} y");
        Assert.Equal("{0} y", pair.Item2!.Format);
    }

    [Fact]
    public void Rule_exceptions_carry_the_problem_and_say_it_in_english()
    {
        var now = new DateTime(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc);
        var proposal = Proposal.StartDraft(1, "u1", Guid.NewGuid(), new("Title", 1, 1, ProposalLevel.Intermediate, "Abstract", "Details", "", false, "", ""), now);
        proposal.Withdraw("u1", now);
        var ex = Assert.Throws<CfpRuleException>(() => proposal.Withdraw("u1", now));
        Assert.Equal("This proposal is {0}; it cannot be withdrawn.", ex.Problem.Format);
        Assert.Equal("This proposal is withdrawn; it cannot be withdrawn.", ex.Message);
        Assert.IsAssignableFrom<RuleException>(ex);

        var order = new Order { Code = "ABC123", Status = OrderStatus.Cancelled };
        var refused = Assert.Throws<OrderStateException>(() => order.Cancel(DateTime.UtcNow, null, "again"));
        Assert.Equal("Order {0} is {1} and cannot be cancelled.", refused.Problem.Format);
        Assert.Equal("Order ABC123 is cancelled and cannot be cancelled.", refused.Message);
    }
}

namespace AiEngineer.Core.Messages;

/// <summary>
/// A rule refused what was asked; the <see cref="Problem"/> says why, for the person who asked. <see cref="Exception.Message"/>
/// is its English (logs, tests); a page shows the problem in the visitor's language instead.
/// </summary>
public class RuleException(Problem problem) : InvalidOperationException(problem.English)
{
    public Problem Problem { get; } = problem;
}

namespace AiEngineer.BrowserTests.Infrastructure;

/// <summary>
/// The base of every browser test class: a test fails if any page it opened logged a console error (a Content Security
/// Policy violation is one) or threw an uncaught script error, even when every step it took succeeded.
/// <see cref="BrowserTestRulesTests"/> checks that no test class does without it.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        BrowserFixture.ConsoleProblems.Clear();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Task.Delay(200); // a message about the last navigation may still be on its way
        var problems = new List<string>();
        while (BrowserFixture.ConsoleProblems.TryDequeue(out var problem)) problems.Add(problem);
        Assert.True(problems.Count == 0, "The browser reported errors during the test:\n" + string.Join("\n", problems));
    }
}

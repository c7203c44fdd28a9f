using System.Reflection;

namespace AiEngineer.BrowserTests.Infrastructure;

/// <summary>The console guard cannot be forgotten: every class here with tests derives from <see cref="BrowserTest"/>.</summary>
public class BrowserTestRulesTests
{
    [Fact]
    public void Every_browser_test_class_fails_on_console_errors()
    {
        var classes = typeof(BrowserTest).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t != typeof(BrowserTestRulesTests))
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>().Any()))
            .ToList();
        Assert.NotEmpty(classes);
        var without = classes.Where(t => !t.IsSubclassOf(typeof(BrowserTest))).Select(t => t.FullName).ToList();
        Assert.True(without.Count == 0, "Derive these from BrowserTest: " + string.Join(", ", without));
    }
}

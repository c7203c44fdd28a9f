namespace AiEngineer.Web.Tests.Infrastructure;

public static class TestPaths
{
    /// <summary>The checkout's root: the first directory above the test binaries that holds AiEngineer.sln.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AiEngineer.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("AiEngineer.sln not found above " + AppContext.BaseDirectory);
    }
}

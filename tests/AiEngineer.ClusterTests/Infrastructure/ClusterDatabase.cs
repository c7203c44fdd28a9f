using AiEngineer.Web.Tests.Infrastructure;

namespace AiEngineer.ClusterTests.Infrastructure;

/// <summary>
/// Replicas share PostgreSQL, never SQLite: a database on the CI server (AIE_TEST_POSTGRES), or else on a PostgreSQL
/// server of the test's own from the machine's binaries (<see cref="PrivatePostgres"/>).
/// </summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    private PrivatePostgres? _server;

    public TestDatabase Database { get; private set; } = null!;

    public static async Task<ClusterDatabase> CreateAsync()
    {
        var created = new ClusterDatabase();
        if (TestDatabase.UsePostgres)
        {
            created.Database = await TestDatabase.CreateAsync();
            return created;
        }
        var bin = PrivatePostgres.FindBinaries()
            ?? throw new InvalidOperationException("The replica tests need PostgreSQL: set AIE_TEST_POSTGRES, or install it (`apt-get install -y postgresql`).");
        created._server = await PrivatePostgres.StartAsync(bin);
        created.Database = TestDatabase.OnServer(created._server.ConnectionString);
        return created;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}

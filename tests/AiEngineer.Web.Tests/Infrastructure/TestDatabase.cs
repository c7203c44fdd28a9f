using Npgsql;

namespace AiEngineer.Web.Tests.Infrastructure;

/// <summary>
/// One throwaway database per test class. PostgreSQL when AIE_TEST_POSTGRES holds a connection string to a
/// server where databases may be created; SQLite otherwise, unless AIE_REQUIRE_POSTGRES=1 forbids the fallback.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly string? PostgresAdmin = Environment.GetEnvironmentVariable("AIE_TEST_POSTGRES") is { Length: > 0 } s ? s : null;
    public static bool RequirePostgres => Environment.GetEnvironmentVariable("AIE_REQUIRE_POSTGRES") == "1";
    public static bool UsePostgres => PostgresAdmin is not null;

    private static int _announced;

    public string Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _postgresName;
    private readonly string? _sqlitePath;

    private TestDatabase(string provider, string connectionString, string? postgresName, string? sqlitePath)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresName = postgresName;
        _sqlitePath = sqlitePath;
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        if (PostgresAdmin is null)
        {
            if (RequirePostgres)
                throw new InvalidOperationException("AIE_REQUIRE_POSTGRES=1 but AIE_TEST_POSTGRES is not set: the integration tests must run on PostgreSQL.");
            if (Interlocked.Exchange(ref _announced, 1) == 0)
                Console.Error.WriteLine("AiEngineer.Web.Tests: AIE_TEST_POSTGRES is not set, so the integration tests run on SQLite.");
            var path = Path.Combine(Path.GetTempPath(), $"aie-test-{Guid.NewGuid():N}.db");
            return new TestDatabase("Sqlite", $"Data Source={path}", null, path);
        }

        var name = $"aie_t_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name };
        return new TestDatabase("Postgres", builder.ConnectionString, name, null);
    }

    /// <summary>
    /// A new throwaway database holding a copy of this one's schema and data (PostgreSQL: CREATE DATABASE … TEMPLATE;
    /// SQLite: a copy of the file). Nothing may be connected to this one meanwhile: its pools are cleared first.
    /// </summary>
    public async Task<TestDatabase> CopyAsync()
    {
        if (_sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // the last connection's close checkpoints the WAL
            var path = Path.Combine(Path.GetTempPath(), $"aie-test-{Guid.NewGuid():N}.db");
            foreach (var suffix in new[] { "", "-wal" })
                if (File.Exists(_sqlitePath + suffix)) File.Copy(_sqlitePath + suffix, path + suffix);
            return new TestDatabase("Sqlite", $"Data Source={path}", null, path);
        }
        if (_postgresName is null) throw new InvalidOperationException("Only a database this class created can be copied.");
        NpgsqlConnection.ClearAllPools();
        var name = $"aie_t_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{_postgresName}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        return new TestDatabase("Postgres", new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name }.ConnectionString, name, null);
    }

    /// <summary>A database on a server the caller owns (a <see cref="PrivatePostgres"/>): nothing to create or drop.</summary>
    public static TestDatabase OnServer(string connectionString) => new("Postgres", connectionString, null, null);

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresAdmin);
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        if (_sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
    }
}

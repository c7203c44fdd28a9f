using AiEngineer.Core.Data;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Database;

public class MigrationTests
{
    private static DbContextOptions<AppDbContext> Sqlite(string cs) => new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(cs, x => x.MigrationsAssembly("AiEngineer.Migrations.Sqlite")).Options;

    private static DbContextOptions<AppDbContext> Postgres(string cs) => new DbContextOptionsBuilder<AppDbContext>()
        .UseNpgsql(cs, x => x.MigrationsAssembly("AiEngineer.Migrations.Postgres")).Options;

    [Fact]
    public void Neither_provider_has_model_changes_without_a_migration()
    {
        using var sqlite = new AppDbContext(Sqlite("Data Source=:memory:"));
        using var postgres = new AppDbContext(Postgres("Host=127.0.0.1;Database=unused"));
        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite: run scripts/add-migration.sh");
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL: run scripts/add-migration.sh");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new AppDbContext(Sqlite("Data Source=:memory:"));
        using var postgres = new AppDbContext(Postgres("Host=127.0.0.1;Database=unused"));
        var a = sqlite.Database.GetMigrations().ToList();
        Assert.NotEmpty(a);
        Assert.Equal(a, postgres.Database.GetMigrations());
    }

    [Fact]
    public async Task The_sqlite_migrations_apply_to_an_empty_database()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aie-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = new AppDbContext(Sqlite($"Data Source={path}")))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(3, await db.Roles.CountAsync()); // the staff roles come with the schema
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_postgres_migrations_apply_to_an_empty_database()
    {
        if (!TestDatabase.UsePostgres)
        {
            // Without a server this provider is checked only for pending changes (above); CI sets AIE_REQUIRE_POSTGRES.
            Assert.False(TestDatabase.RequirePostgres, "AIE_REQUIRE_POSTGRES=1 needs AIE_TEST_POSTGRES");
            return;
        }
        await using var database = await TestDatabase.CreateAsync();
        await using var db = new AppDbContext(Postgres(database.ConnectionString));
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(3, await db.Roles.CountAsync());
    }
}

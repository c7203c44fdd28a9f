using AiEngineer.Core.Data;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

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
    public void The_new_database_script_is_the_script_the_sqlite_migrations_make_today()
    {
        using var db = new AppDbContext(Sqlite("Data Source=:memory:"));
        var today = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().GenerateScript();
        static string Normal(string sql) => sql.Replace("\r\n", "\n").Trim();
        Assert.True(Normal(today) == Normal(Migrations.Sqlite.NewDatabaseScript.Read()),
            "NewDatabase.sql is out of date: scripts/add-migration.sh regenerates it (or run `dotnet ef migrations script` as it does)");
    }

    [Fact]
    public async Task The_new_database_script_makes_the_schema_and_history_the_sqlite_migrations_make()
    {
        var migrated = Path.Combine(Path.GetTempPath(), $"aie-migrate-{Guid.NewGuid():N}.db");
        var scripted = Path.Combine(Path.GetTempPath(), $"aie-script-{Guid.NewGuid():N}.db");
        static async Task<List<string>> Schema(AppDbContext db) =>
            await db.Database.SqlQuery<string>($"SELECT type || ' ' || name || ': ' || coalesce(sql, '') AS \"Value\" FROM sqlite_master WHERE name <> '__EFMigrationsLock' ORDER BY type, name").ToListAsync(); // MigrateAsync's lock table, made on its first run
        try
        {
            await using var a = new AppDbContext(Sqlite($"Data Source={migrated}"));
            await a.Database.MigrateAsync();
            await using var b = new AppDbContext(Sqlite($"Data Source={scripted}"));
            await Web.Infrastructure.Database.DatabaseSetup.RunNewDatabaseScriptAsync(b);

            Assert.Equal(await Schema(a), await Schema(b));
            Assert.Equal(await a.Database.GetAppliedMigrationsAsync(), await b.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await b.Database.GetPendingMigrationsAsync());
            Assert.Equal(await a.Roles.OrderBy(r => r.Name).Select(r => r.Name).ToListAsync(), await b.Roles.OrderBy(r => r.Name).Select(r => r.Name).ToListAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(migrated);
            File.Delete(scripted);
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

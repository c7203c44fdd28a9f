using AiEngineer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Database;

public static class DatabaseSetup
{
    /// <summary>Registers AppDbContext on SQLite (the zero-setup default) or PostgreSQL, each with its own migrations assembly.</summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));

        string connection;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            connection = NullIfEmpty(builder.Configuration.GetConnectionString("Postgres"))
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            // Settings the connection string names win; otherwise DatabaseOptions supplies them.
            var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection };
            var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(connection);
            // Under a rush, requests should queue for a pooled connection rather than exhaust the server's
            // max_connections (100 by default, shared by every instance): cap the pool.
            if (!given.ContainsKey("Maximum Pool Size") && !given.ContainsKey("Max Pool Size"))
                npgsql.MaxPoolSize = options.MaxPoolSize;
            // While the server is down or restarting, a request should fail within seconds (a 503 page, DatabaseOutage)
            // rather than hang for Npgsql's default 15 s; the same limit bounds the wait for a pooled connection.
            if (!given.ContainsKey("Timeout") && !given.ContainsKey("Connect Timeout") && !given.ContainsKey("Connection Timeout"))
                npgsql.Timeout = options.ConnectTimeoutSeconds;
            // Statements EF sends again and again (the checkout's, the outbox's) are parsed and planned once per connection.
            if (!given.ContainsKey("Max Auto Prepare"))
                npgsql.MaxAutoPrepare = options.MaxAutoPrepare;
            if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
                npgsql.NoResetOnClose = options.NoResetOnClose;
            connection = npgsql.ConnectionString;
        }
        else
        {
            connection = NullIfEmpty(builder.Configuration.GetConnectionString("Sqlite")) ?? DefaultSqlite(builder.Environment);
        }

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<Security.AuditInterceptor>();
        builder.Services.AddDbContextPool<AppDbContext>((sp, db) =>
        {
            // The audit interceptor goes last: after a save it may save once more (to fill in new rows' ids), and the
            // others must have finished with the first save by then.
            db.AddInterceptors(sp.GetRequiredService<Email.OutboxSaveChangesInterceptor>(),
                sp.GetRequiredService<Site.PublicPageCache.EvictionInterceptor>(), sp.GetRequiredService<Security.AuditInterceptor>());
            if (options.Provider == DatabaseProvider.Postgres)
                db.UseNpgsql(connection, x => x.MigrationsAssembly("AiEngineer.Migrations.Postgres"));
            else
                db.UseSqlite(connection, x => x.MigrationsAssembly("AiEngineer.Migrations.Sqlite"));
        });

        builder.Services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return builder;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string DefaultSqlite(IWebHostEnvironment env)
    {
        var dir = Path.Combine(env.ContentRootPath, "App_Data");
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, "aiengineer.db")}";
    }

    /// <summary>Applies migrations (when enabled) and seeds the demo (Development only).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Most starts find nothing to apply: comparing the applied ids with the assembly's list is one query, while
        // MigrateAsync also takes the migrations lock and diffs the model against the last snapshot (a few hundred ms).
        if (options.MigrateOnStartup && (!await db.Database.CanConnectAsync() || (await db.Database.GetPendingMigrationsAsync()).Any()))
        {
            await db.Database.MigrateAsync();
            if (db.Database.IsSqlite())
            {
                // WAL lets readers and the outbox worker run beside a writer.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
        }
        if (options.SeedDemo && app.Environment.IsDevelopment())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }
}

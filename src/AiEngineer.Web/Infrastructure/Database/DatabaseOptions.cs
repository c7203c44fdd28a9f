namespace AiEngineer.Web.Infrastructure.Database;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Bound to "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Apply pending migrations when the app starts. Production can turn it off and run a migration bundle instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
    /// <summary>Seed the demo conference and accounts on first run. Only honoured in the Development environment.</summary>
    public bool SeedDemo { get; set; } = true;
    /// <summary>PostgreSQL connections per instance, unless the connection string sets Maximum Pool Size.</summary>
    public int MaxPoolSize { get; set; } = 30;
    /// <summary>
    /// DbContext instances kept for reuse (EF's context pool; EF's own default is 1,024). A pooled context keeps its
    /// internal services, about twenty loggers among them, for the life of the process; under an overload the pool
    /// filled to its limit and those contexts were a large part of the memory that never came back. The app works on
    /// <c>Server:MaxConcurrentRequests</c> (32) requests at once, so 128 covers them with room to spare; a context
    /// beyond the pool is simply created and collected.
    /// </summary>
    public int ContextPoolSize { get; set; } = 128;
    /// <summary>
    /// Seconds to open a PostgreSQL connection or wait for a pooled one, unless the connection string sets Timeout.
    /// A stopped or restarting server refuses at once (a quick 503); this bounds an unreachable host. Not lower: the same
    /// limit caps the wait for a pooled connection, and in a rush a short one turns queued buyers into 503s.
    /// </summary>
    public int ConnectTimeoutSeconds { get; set; } = 15;
    /// <summary>PostgreSQL statements prepared automatically per connection (Npgsql's Max Auto Prepare), unless the connection string sets it.</summary>
    public int MaxAutoPrepare { get; set; } = 64;
    /// <summary>
    /// Hand pooled PostgreSQL connections on without resetting their session (Npgsql's No Reset On Close), unless the
    /// connection string sets it. The reset (DISCARD ALL, or seven statements when statements are prepared) ran before
    /// every reuse, several times per checkout. The app keeps no session state: no SET, no temporary tables, no LISTEN;
    /// the checkout's advisory locks are released in a finally block, and an open transaction is still rolled back.
    /// </summary>
    public bool NoResetOnClose { get; set; } = true;
}

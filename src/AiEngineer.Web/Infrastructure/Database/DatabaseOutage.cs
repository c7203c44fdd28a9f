using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AiEngineer.Web.Infrastructure.Database;

/// <summary>
/// Tells "the database cannot answer right now" (server down or restarting, connection refused or cut, pool timeout,
/// a SQLite file busy) from a bug. The first is answered 503 with Retry-After and the site's friendly page, since
/// trying again in a few seconds is the right advice; anything else stays a 500.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a visitor is asked to wait (the Retry-After header).</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsOutage(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                // PostgreSQL's transient errors: 08xxx connection failures, 53xxx out of resources, 57P0x shutting down or
                // starting up; Npgsql's own: sockets, I/O and timeouts opening a connection or waiting for one from the pool.
                case NpgsqlException { IsTransient: true }:
                case PostgresException { SqlState: ['0', '8', ..] or ['5', '3', ..] or ['5', '7', 'P', ..] }:
                case SocketException:
                case TimeoutException:
                // SQLITE_BUSY and SQLITE_LOCKED: another writer held the file longer than the busy timeout.
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsOutage):
                    return true;
            }
        }
        return false;
    }
}

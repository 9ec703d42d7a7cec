using System.Data.Common;
using Npgsql;

namespace Databrain.Infrastructure.Persistence.PostgreSql;

internal sealed class PostgreSqlDialect : ISqlDialect
{
    public string PagingClause => "LIMIT @Take OFFSET @Skip";

    public string LockWorkspaceRow => "SELECT Id FROM Workspaces WHERE Id = @Id FOR UPDATE;";

    public string? ReclaimFreePages(int pages) => null;

    public string UtcNow => "now()";

    public string OnlyIfTheLastStatementChangedARow => string.Empty;

    public string CountFailedAuthentication => Sqlite.SqliteDialect.UpsertFailedAuthentication; // the same upsert

    public bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public bool NothingWasCommitted(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure,

        // The connection broke (a socket or stream error, not a timeout): the server rolls back what it had not committed.
        NpgsqlException npgsql => npgsql.InnerException is IOException or System.Net.Sockets.SocketException or EndOfStreamException,
        _ => false,
    };
}

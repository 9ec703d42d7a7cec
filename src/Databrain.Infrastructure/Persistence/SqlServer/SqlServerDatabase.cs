using System.Data.Common;
using Databrain.Infrastructure.Persistence.Tracing;
using Microsoft.Data.SqlClient;

namespace Databrain.Infrastructure.Persistence.SqlServer;

/// <summary>
/// The production provider. Opening a connection is retried on transient faults (SqlClient's configurable
/// retry logic); a unit of work is run again only when the server guarantees that nothing of it was committed
/// (<see cref="UnitOfWork"/>), because a create is not idempotent.
/// </summary>
internal sealed class SqlServerDatabase : IDatabase
{
    /// <summary>Used when the connection string sets no Connect Timeout: with the retries, an unreachable server fails within about 20 s.</summary>
    internal const int DefaultConnectTimeoutSeconds = 6;

    private readonly SqlRetryLogicBaseProvider _openRetry = SqlConfigurableRetryFactory.CreateExponentialRetryProvider(OpenRetry);

    /// <summary>Opening a connection: 3 tries, waits growing from 1 s to at most 4 s (with 6 s tries: about 20 s in all).</summary>
    internal static SqlRetryLogicOption OpenRetry => new()
    {
        NumberOfTries = 3,
        DeltaTime = TimeSpan.FromSeconds(1),
        MaxTimeInterval = TimeSpan.FromSeconds(4),
    };

    public SqlServerDatabase(string connectionString, int commandTimeoutSeconds)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        if (!builder.ShouldSerialize("Connect Timeout"))
        {
            builder.ConnectTimeout = DefaultConnectTimeoutSeconds;
        }

        ConnectionString = builder.ConnectionString;
        CommandTimeoutSeconds = commandTimeoutSeconds;
        Server = builder.DataSource;
    }

    public ISqlDialect Dialect { get; } = new SqlServerDialect();

    public int CommandTimeoutSeconds { get; }

    public string ConnectionString { get; }

    /// <summary>For error messages: the server, never the credentials.</summary>
    public string Server { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        new TracedConnection(await OpenAsync(ConnectionString, cancellationToken), DatabaseTelemetry.SqlServer);

    /// <summary>Opens a connection to another database of the same server (the migrator creates the database from master).</summary>
    public async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken) =>
        await IDatabase.OpenOrDisposeAsync(new SqlConnection(connectionString) { RetryLogicProvider = _openRetry }, cancellationToken);

    /// <remarks>
    /// SqlClient overrides only the synchronous transaction methods, so beginning, saving (a savepoint) and
    /// committing block the calling thread for a round trip. None of them waits for a lock (BEGIN and SAVE take
    /// none; COMMIT waits for the log write only): every statement that can wait for a lock is sent through
    /// the asynchronous command methods, so no thread-pool thread waits on another transaction.
    /// </remarks>
    public async Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken) =>
        await IDatabase.BeginReadCommittedAsync(await OpenAsync(cancellationToken), cancellationToken);
}

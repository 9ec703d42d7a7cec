using System.Data;
using System.Data.Common;
using Databrain.Infrastructure.Persistence.Tracing;
using Microsoft.Data.SqlClient;

namespace Databrain.Infrastructure.Persistence.SqlServer;

/// <summary>
/// The production provider. Opening a connection is retried on transient faults (SqlClient's configurable
/// retry logic); commands are never retried blindly, because a create is not idempotent.
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

    public async Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            return new WriteTransaction(connection, transaction, gate: null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

internal sealed class SqlServerDialect : ISqlDialect
{
    private const int DuplicateKeyInUniqueIndex = 2601;
    private const int UniqueConstraintViolation = 2627;

    public string PagingClause => "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";

    public string UtcNow => "SYSUTCDATETIME()";

    public string RowsAffected => "@@ROWCOUNT";

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqlException sql && sql.Errors.Cast<SqlError>().Any(e => e.Number is DuplicateKeyInUniqueIndex or UniqueConstraintViolation);
}

using System.Data.Common;
using Databrain.Infrastructure.Persistence.Tracing;
using Microsoft.Data.Sqlite;

namespace Databrain.Infrastructure.Persistence.Sqlite;

/// <summary>
/// The embedded provider. SQLite admits one writer at a time, and connections that race for its write lock
/// sleep in the busy handler, which ruins tail latency; so write transactions pass one at a time through an
/// in-process gate, and the busy timeout (the command timeout) remains only as the safety net against other
/// processes. Readers never wait for writers thanks to WAL (set by the migrator).
/// </summary>
internal sealed class SqliteDatabase : IDatabase, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteDatabase(string connectionString, int commandTimeoutSeconds)
    {
        _connectionString = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            DefaultTimeout = commandTimeoutSeconds,
        }.ToString();
        CommandTimeoutSeconds = commandTimeoutSeconds;
    }

    public ISqlDialect Dialect { get; } = new SqliteDialect();

    public int CommandTimeoutSeconds { get; }

    public string ConnectionString => _connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        new TracedConnection(await OpenSqliteAsync(cancellationToken), DatabaseTelemetry.Sqlite);

    private Task<SqliteConnection> OpenSqliteAsync(CancellationToken cancellationToken) =>
        IDatabase.OpenOrDisposeAsync(new SqliteConnection(_connectionString), cancellationToken);

    public async Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        if (!await _writeGate.WaitAsync(TimeSpan.FromSeconds(CommandTimeoutSeconds), cancellationToken))
        {
            throw new TimeoutException($"No SQLite write slot within {CommandTimeoutSeconds} s.");
        }

        var gate = new GateRelease(_writeGate);
        SqliteConnection? connection = null;
        try
        {
            connection = await OpenSqliteAsync(cancellationToken);
            return new WriteTransaction(new TracedConnection(connection, DatabaseTelemetry.Sqlite), BeginImmediate(connection, cancellationToken), gate);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            gate.Dispose();
            throw;
        }
    }

    /// <summary>
    /// BEGIN IMMEDIATE takes the write lock now, rather than upgrading a read lock later (which can fail at once).
    /// While another process holds the lock, Microsoft.Data.Sqlite's busy wait ignores cancellation, so the
    /// wait is cut into one-second attempts: a request whose client went away stops within a second, and
    /// the whole wait still ends with SQLITE_BUSY after the command timeout.
    /// </summary>
    private SqliteTransaction BeginImmediate(SqliteConnection connection, CancellationToken cancellationToken)
    {
        const int SqliteBusy = 5;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        connection.DefaultTimeout = 1;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    return connection.BeginTransaction(deferred: false);
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteBusy && waited.Elapsed < TimeSpan.FromSeconds(CommandTimeoutSeconds))
                {
                    // Still locked by another process: try again.
                }
            }
        }
        finally
        {
            connection.DefaultTimeout = CommandTimeoutSeconds;
        }
    }

    public void Dispose() => _writeGate.Dispose();

    private sealed class GateRelease(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

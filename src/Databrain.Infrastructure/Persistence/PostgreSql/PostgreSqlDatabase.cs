using System.Data.Common;
using Databrain.Infrastructure.Persistence.Tracing;
using Npgsql;

namespace Databrain.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// The PostgreSQL provider (Npgsql). Connections come from one data source per process, which pools them;
/// write transactions are READ COMMITTED, the server's default, like SQL Server's.
/// </summary>
internal sealed class PostgreSqlDatabase : IDatabase, IAsyncDisposable, IDisposable
{
    /// <summary>Used when the connection string sets no Timeout: an unreachable server fails a request within this many seconds.</summary>
    internal const int DefaultConnectTimeoutSeconds = 6;

    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlDatabase(string connectionString, int commandTimeoutSeconds)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = DefaultConnectTimeoutSeconds;
        }

        ConnectionString = builder.ConnectionString;
        CommandTimeoutSeconds = commandTimeoutSeconds;
        Server = $"{builder.Host}:{builder.Port}";
        DatabaseName = builder.Database;
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public ISqlDialect Dialect { get; } = new PostgreSqlDialect();

    public int CommandTimeoutSeconds { get; }

    public string ConnectionString { get; }

    /// <summary>For error messages: the host and port, never the credentials.</summary>
    public string Server { get; }

    public string? DatabaseName { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        new TracedConnection(await _dataSource.OpenConnectionAsync(cancellationToken), DatabaseTelemetry.PostgreSql);

    public async Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken) =>
        await IDatabase.BeginReadCommittedAsync(await OpenAsync(cancellationToken), cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}

using System.Data.Common;
using Dapper;

namespace Databrain.Infrastructure.Persistence;

/// <summary>
/// One database provider: opens a new connection per unit of work (never one kept across requests), starts
/// write transactions the way that provider wants them, and knows its SQL dialect.
/// </summary>
internal interface IDatabase
{
    ISqlDialect Dialect { get; }

    int CommandTimeoutSeconds { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A connection with an open transaction; disposing it without <see cref="WriteTransaction.CommitAsync"/> rolls back.</summary>
    Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken);

    /// <summary>A Dapper command with this database's command timeout, so that each query is one line.</summary>
    CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        new(sql, parameters, transaction, CommandTimeoutSeconds, cancellationToken: cancellationToken);

    /// <summary>A read-committed write transaction on a new connection (the server providers'); the connection is disposed if it cannot begin.</summary>
    /// <remarks>SqlClient begins transactions synchronously (see <c>SqlServerDatabase</c>); Npgsql asynchronously.</remarks>
    static async Task<WriteTransaction> BeginReadCommittedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
            return new WriteTransaction(connection, transaction, gate: null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the connection; if that fails, disposes it before the exception goes on.</summary>
    static async Task<T> OpenOrDisposeAsync<T>(T connection, CancellationToken cancellationToken)
        where T : DbConnection
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

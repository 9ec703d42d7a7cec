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

/// <summary>The few places where the providers' SQL differs; every other SQL statement is shared.</summary>
internal interface ISqlDialect
{
    /// <summary>A clause, placed after ORDER BY, that skips <c>@Skip</c> rows and keeps <c>@Take</c>.</summary>
    string PagingClause { get; }

    /// <summary>
    /// Statements that give up to <paramref name="pages"/> free pages of the database file back to the file system,
    /// then select how many are still free; null where the server manages the space of deleted rows itself.
    /// </summary>
    string? ReclaimFreePages(int pages);

    /// <summary>An expression for the current UTC time, stored as the provider stores CreatedAt.</summary>
    string UtcNow { get; }

    /// <summary>
    /// What stands before a statement of a batch that must run only when the statement before it changed a row.
    /// SQL Server goes on with a batch after a statement fails (a unique-key violation ends the statement, not
    /// the batch), so it needs <c>IF @@ROWCOUNT = 1</c>; SQLite and PostgreSQL stop at the first error.
    /// </summary>
    string OnlyIfTheLastStatementChangedARow { get; }

    /// <summary>
    /// One statement that counts a failed authentication of <c>@AddressGroup</c> at <c>@Now</c>: the row's window
    /// starts again when it opened at or before <c>@WindowOpenedBy</c>; answers <c>Failures</c> and
    /// <c>WindowStartUnixMs</c> as they are after the count.
    /// </summary>
    string CountFailedAuthentication { get; }


    /// <summary>Whether the exception is a unique-key violation (a lost race on a unique index).</summary>
    bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// Whether the server has ended the transaction and guarantees that nothing of it was committed: a deadlock
    /// victim, a serialization failure, a connection lost before the commit was sent. Never a timeout: whether
    /// a timed-out write landed is unknown. See <see cref="UnitOfWork"/>.
    /// </summary>
    bool NothingWasCommitted(Exception exception);
}

/// <summary>The database could not be reached or brought up to date; the message says what to check.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);

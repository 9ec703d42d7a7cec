using System.Data.Common;

namespace Databrain.Infrastructure.Persistence;

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

    /// <summary>
    /// A statement (with its <c>;</c>) that locks the workspace row <c>@Id</c> for writing until the transaction ends,
    /// so that what the transaction reads of it next is what it then changes; empty where the write transaction
    /// holds the whole database already (SQLite).
    /// </summary>
    string LockWorkspaceRow { get; }

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

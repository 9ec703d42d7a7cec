namespace Databrain.Application.Common.Ports;

/// <summary>
/// Port: the remembered answers of keyed writes. While a keyed request runs, its writes go into one transaction
/// (<see cref="RunAsync{T}"/>), which <see cref="IIdempotentWrite.TryCompleteAsync"/> commits together with the
/// key and its answer: after a crash at any point, both exist or neither does.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Runs <paramref name="unitOfWork"/> with this request's writes sharing one transaction, which is rolled back
    /// unless the unit of work completes it. When the database ended that transaction with nothing committed (a
    /// deadlock victim, say), the whole unit of work runs again, a bounded number of times.
    /// </summary>
    Task<T> RunAsync<T>(Func<IIdempotentWrite, Task<T>> unitOfWork, CancellationToken cancellationToken);

    /// <summary>The answer remembered for the organization's key, unless it has expired by <paramref name="now"/>.</summary>
    Task<StoredAnswer?> FindAsync(long organizationId, string key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="batchSize"/> keys that expired by <paramref name="now"/>, in one short transaction.</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// Gives at most <paramref name="pages"/> free pages of the database file back to the file system, in one short
    /// transaction (SQLite's incremental vacuum); a server database manages that space itself.
    /// </summary>
    /// <returns>How many free pages are left; 0 on a server database.</returns>
    Task<long> ReclaimSpaceAsync(int pages, CancellationToken cancellationToken);
}

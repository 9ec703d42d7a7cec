using System.Data.Common;
using Dapper;
using Databrain.Application.Common.Ports;
using Databrain.Infrastructure.Persistence;

namespace Databrain.Infrastructure.Idempotency;

/// <summary>
/// Keys and their answers in the database (table <c>IdempotencyKeys</c>), so that every instance of the service
/// on one database agrees, and a crash loses neither a write nor its key alone.
/// </summary>
internal sealed class IdempotencyStore(IDatabase database, WriteScope writes) : IIdempotencyStore
{
    // An expired key is new again: its old answer is replaced in the same command.
    private const string Complete = """
        DELETE FROM IdempotencyKeys WHERE OrganizationId = @OrganizationId AND IdempotencyKey = @Key AND ExpiresAtUnixMs <= @Now;
        INSERT INTO IdempotencyKeys
            (OrganizationId, IdempotencyKey, Fingerprint, ErrorCode, ErrorMessage, Value, CreatedAtUnixMs, ExpiresAtUnixMs)
        VALUES
            (@OrganizationId, @Key, @Fingerprint, @ErrorCode, @ErrorMessage, @Value, @Now, @ExpiresAt);
        """;

    private const string Find = """
        SELECT IdempotencyKey, Fingerprint, ErrorCode, ErrorMessage, Value, CreatedAtUnixMs, ExpiresAtUnixMs
        FROM IdempotencyKeys
        WHERE OrganizationId = @OrganizationId AND IdempotencyKey = @Key AND ExpiresAtUnixMs > @Now
        """;


    public Task<T> RunAsync<T>(Func<IIdempotentWrite, Task<T>> unitOfWork, CancellationToken cancellationToken) =>
        writes.RunTogetherAsync(commit => unitOfWork(new Write(database, writes, commit)), cancellationToken);

    public async Task<StoredAnswer?> FindAsync(long organizationId, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(database.Command(
            Find,
            new { OrganizationId = organizationId, Key = key, Now = now.ToUnixTimeMilliseconds() }, cancellationToken));
        return row?.Answer;
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        UnitOfWork.RunAsync(database.Dialect, async attempt =>
        {
            await using var write = await database.BeginWriteAsync(cancellationToken);
            var deleted = await write.Connection.ExecuteAsync(database.Command(
                PurgeSql(database.Dialect),
                new { Now = now.ToUnixTimeMilliseconds(), Skip = 0, Take = batchSize }, cancellationToken, write.Transaction));
            attempt.CommitSent = true;
            await write.CommitAsync(cancellationToken);
            return deleted;
        }, cancellationToken);

    public async Task<long> ReclaimSpaceAsync(int pages, CancellationToken cancellationToken)
    {
        if (database.Dialect.ReclaimFreePages(pages) is not { } reclaim)
        {
            return 0;
        }

        return await UnitOfWork.RunAsync(database.Dialect, async attempt =>
        {
            await using var write = await database.BeginWriteAsync(cancellationToken);
            var left = await write.Connection.ExecuteScalarAsync<long>(database.Command(reclaim, null, cancellationToken, write.Transaction));
            attempt.CommitSent = true;
            await write.CommitAsync(cancellationToken);
            return left;
        }, cancellationToken);
    }

    /// <summary>
    /// The purge statement as sent, in the provider's paging syntax: expired keys, a batch at a time, each batch
    /// one short write, so that writers never wait long behind a purge. The batch is taken in the order of the
    /// expiry index that finds it, so that no batch sorts every expired key.
    /// </summary>
    internal static string PurgeSql(ISqlDialect dialect) =>
        $"DELETE FROM IdempotencyKeys WHERE Id IN (SELECT Id FROM IdempotencyKeys WHERE ExpiresAtUnixMs <= @Now ORDER BY ExpiresAtUnixMs {dialect.PagingClause})";

    /// <param name="commit">Commits the request's writes (<see cref="WriteScope.RunTogetherAsync"/>).</param>
    private sealed class Write(IDatabase database, WriteScope writes, Func<CancellationToken, Task> commit) : IIdempotentWrite
    {
        public async Task<bool> TryCompleteAsync(long organizationId, StoredAnswer answer, CancellationToken cancellationToken)
        {
            // A savepoint of the request's transaction: a key stored first by another request undoes only this
            // insert, and leaves the transaction usable for the one that owns it (which then rolls it back).
            if (!await writes.RunAsync(write => TryInsertAsync(write, organizationId, answer, cancellationToken), cancellationToken))
            {
                return false;
            }

            await commit(cancellationToken);
            return true;
        }

        private async Task<bool> TryInsertAsync(WriteTransaction write, long organizationId, StoredAnswer answer, CancellationToken cancellationToken)
        {
            try
            {
                await write.Connection.ExecuteAsync(database.Command(
                    Complete,
                    new
                    {
                        OrganizationId = organizationId,
                        answer.Key,
                        answer.Fingerprint,
                        answer.ErrorCode,
                        answer.ErrorMessage,
                        Value = answer.ValueJson,
                        Now = answer.CreatedAt.ToUnixTimeMilliseconds(),
                        ExpiresAt = answer.ExpiresAt.ToUnixTimeMilliseconds(),
                    }, cancellationToken, write.Transaction));
            }
            catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
            {
                // A request with this key stored its answer first: all this one wrote is rolled back.
                return false;
            }

            await write.CommitAsync(cancellationToken);
            return true;
        }
    }

    // A class with setters: Dapper maps by property, whatever types SQLite reports for the columns.
    private sealed class Row
    {
        public string IdempotencyKey { get; init; } = string.Empty;

        public string Fingerprint { get; init; } = string.Empty;

        public string? ErrorCode { get; init; }

        public string? ErrorMessage { get; init; }

        public string? Value { get; init; }

        public long CreatedAtUnixMs { get; init; }

        public long ExpiresAtUnixMs { get; init; }

        public StoredAnswer Answer => new(
            IdempotencyKey,
            Fingerprint,
            ErrorCode,
            ErrorMessage,
            Value,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtUnixMs),
            DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAtUnixMs));
    }
}

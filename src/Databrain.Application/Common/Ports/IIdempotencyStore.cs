namespace Databrain.Application.Common.Ports;

/// <summary>
/// Port: the remembered answers of keyed writes. While a keyed request runs, its writes go into one transaction
/// (<see cref="BeginAsync"/>), which <see cref="IIdempotentWrite.TryCompleteAsync"/> commits together with the
/// key and its answer: after a crash at any point, both exist or neither does.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>From now until the returned write ends, this request's writes share its transaction; disposing it without completing rolls them back.</summary>
    Task<IIdempotentWrite> BeginAsync(CancellationToken cancellationToken);

    /// <summary>The answer remembered for the organization's key, unless it has expired by <paramref name="now"/>.</summary>
    Task<StoredAnswer?> FindAsync(long organizationId, string key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="batchSize"/> keys that expired by <paramref name="now"/>, in one short transaction.</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken);
}

/// <summary>The writes of one keyed request.</summary>
public interface IIdempotentWrite : IAsyncDisposable
{
    /// <summary>
    /// Stores the key with its answer (replacing an expired one) and commits everything the request wrote.
    /// </summary>
    /// <returns>False, with everything rolled back, when a request with this key has stored its answer first.</returns>
    Task<bool> TryCompleteAsync(long organizationId, StoredAnswer answer, CancellationToken cancellationToken);
}

/// <summary>A remembered answer: the key, the request it answered, and the outcome (an error code and message, or the value as JSON).</summary>
public sealed record StoredAnswer(
    string Key,
    string Fingerprint,
    string? ErrorCode,
    string? ErrorMessage,
    string? ValueJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);

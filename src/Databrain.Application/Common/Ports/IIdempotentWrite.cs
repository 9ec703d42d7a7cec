namespace Databrain.Application.Common.Ports;

/// <summary>The writes of one keyed request.</summary>
public interface IIdempotentWrite
{
    /// <summary>
    /// Stores the key with its answer (replacing an expired one) and commits everything the request wrote.
    /// </summary>
    /// <returns>False, with everything rolled back, when a request with this key has stored its answer first.</returns>
    Task<bool> TryCompleteAsync(long organizationId, StoredAnswer answer, CancellationToken cancellationToken);
}

namespace Databrain.Application.History.Ports;

/// <summary>Port: the organizations' change records.</summary>
public interface IChangeRecords
{
    /// <summary>
    /// Stores the change as the organization's next record, in the request's unit of work, and answers it. The
    /// sequence is taken under the organization's lock, held until the unit of work ends, so that records of one
    /// organization commit in sequence order.
    /// </summary>
    Task<ChangeRecord> AppendAsync(long organizationId, WorkspaceChange change, string tokenId, string? tokenLabel, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> records of the organization after <paramref name="after"/>, in sequence order
    /// (only those of workspaces that had <paramref name="name"/>, when given), and the organization's purge mark,
    /// in one command.
    /// </summary>
    Task<ChangePage> ReadAsync(long organizationId, long after, int limit, string? name, CancellationToken cancellationToken);

    /// <summary>
    /// Removes up to about <paramref name="batchSize"/> records made at or before <paramref name="cutoff"/>, oldest
    /// first, in one short write, and raises each organization's purge mark to the highest sequence removed (every
    /// record of the organization up to it goes, so that no record below the mark is left). Answers how many went.
    /// </summary>
    Task<int> PurgeAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken);
}

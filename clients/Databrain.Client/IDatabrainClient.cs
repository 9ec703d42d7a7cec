namespace Databrain.Client;

/// <summary>
/// The Databrain Workspace API for one organization (its service token). Every create, update and delete carries an
/// <c>Idempotency-Key</c>, the caller's or a new one, so that a retry of a request whose answer was lost (a resilience
/// handler's, say) gets the first answer again instead of repeating the write. An error answer throws
/// <see cref="DatabrainApiException"/>.
/// </summary>
public interface IDatabrainClient
{
    /// <summary>Creates a workspace.</summary>
    /// <param name="idempotencyKey">The key of this create; a new one when null. Give your own to retry across processes.</param>
    Task<CreatedWorkspace> CreateWorkspaceAsync(NewWorkspace workspace, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one workspace by its exact name, with every property and its version's entity tag.</summary>
    Task<Workspace> GetWorkspaceAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Lists workspaces, oldest first: a page, or all of them (<see cref="WorkspaceListOptions"/>).</summary>
    Task<WorkspaceList> ListWorkspacesAsync(WorkspaceListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Updates a workspace: what the update leaves out stays as stored.</summary>
    /// <param name="ifMatch">An entity tag (<see cref="Workspace.ETag"/>): the update applies only to that version.</param>
    /// <param name="idempotencyKey">The key of this update; a new one when null.</param>
    Task<UpdatedWorkspace> UpdateWorkspaceAsync(WorkspaceUpdate update, string? ifMatch = null, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a workspace by its exact name.</summary>
    /// <param name="ifMatch">An entity tag (<see cref="Workspace.ETag"/>): the delete applies only to that version.</param>
    /// <param name="idempotencyKey">The key of this delete; a new one when null.</param>
    Task<DeletedWorkspace> DeleteWorkspaceAsync(string name, string? ifMatch = null, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    /// <summary>The organization's change records after <paramref name="after"/>, in sequence order.</summary>
    /// <param name="limit">At most this many, 1 to 1000 (the API's default is 100).</param>
    Task<ChangePage> GetChangesAsync(long after = 0, int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>The change records of the workspaces that had this exact name (deleted ones included), oldest first.</summary>
    Task<ChangePage> GetHistoryAsync(string name, long after = 0, int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every change record after <paramref name="after"/>, in sequence order, then each new one as it comes: asks again
    /// with the last page's <c>next</c>, waiting <paramref name="pollInterval"/> (5 seconds by default) after a page that
    /// was not full. Ends when <paramref name="cancellationToken"/> is cancelled; a cursor the service no longer keeps
    /// throws <see cref="DatabrainApiException"/> with <see cref="ErrorCodes.ChangeFeedCursorExpired"/>.
    /// </summary>
    IAsyncEnumerable<ChangeRecord> FollowChangesAsync(long after = 0, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default);
}

namespace Databrain.Application.Workspaces.Ports;

/// <summary>Port: the read side of workspaces, returning read models directly.</summary>
public interface IWorkspaceQueries
{
    /// <summary>One page of the organization's workspaces that match the filter, oldest first, and how many match; one database command.</summary>
    Task<WorkspaceListPage> ListAsync(long organizationId, WorkspacePage page, WorkspaceFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// All the organization's workspaces that match the filter, oldest first, read in chunks as the sequence is enumerated (each chunk
    /// its own short query), so that neither memory nor an open read grows with the list or waits on a slow
    /// client. The first chunk is read before this returns: a database that fails, fails the request.
    /// </summary>
    Task<IAsyncEnumerable<WorkspaceListItem>> ListAllAsync(long organizationId, WorkspaceFilter filter, CancellationToken cancellationToken);

    /// <summary>The organization's workspace of that exact name, in one database command; null when there is none.</summary>
    Task<WorkspaceDetails?> GetAsync(long organizationId, string name, CancellationToken cancellationToken);
}

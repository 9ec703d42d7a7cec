using Databrain.Application.Workspaces.GetWorkspace;
using Databrain.Application.Workspaces.ListWorkspaces;

namespace Databrain.Application.Workspaces.Ports;

/// <summary>Port: the read side of workspaces, returning read models directly.</summary>
public interface IWorkspaceQueries
{
    /// <summary>The organization's workspaces, oldest first; <paramref name="page"/> null means all of them.</summary>
    Task<IReadOnlyList<WorkspaceListItem>> ListAsync(long organizationId, WorkspacePage? page, CancellationToken cancellationToken);

    /// <summary>The organization's workspace of that exact name, in one database command; null when there is none.</summary>
    Task<WorkspaceDetails?> GetAsync(long organizationId, string name, CancellationToken cancellationToken);
}

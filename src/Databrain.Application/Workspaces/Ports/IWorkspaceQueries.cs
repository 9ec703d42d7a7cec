using Databrain.Application.Workspaces.ListWorkspaces;

namespace Databrain.Application.Workspaces.Ports;

/// <summary>Port: the read side of workspaces, returning read models directly.</summary>
public interface IWorkspaceQueries
{
    /// <summary>The organization's workspaces, oldest first; <paramref name="page"/> null means all of them.</summary>
    Task<IReadOnlyList<WorkspaceListItem>> ListAsync(long organizationId, WorkspacePage? page, CancellationToken cancellationToken);
}

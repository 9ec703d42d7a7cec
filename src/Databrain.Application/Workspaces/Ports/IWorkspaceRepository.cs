using Databrain.Domain.Workspaces;

namespace Databrain.Application.Workspaces.Ports;

/// <summary>Port: the write side of workspaces. Each method is one transaction.</summary>
public interface IWorkspaceRepository
{
    /// <summary>Stores the workspace, at <see cref="Workspace.FirstVersion"/>, and its Copilot LLM links.</summary>
    /// <returns>False, with nothing stored, when the organization already has a workspace of that name.</returns>
    Task<bool> TryAddAsync(Workspace workspace, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the changes to the workspace and adds one to its version, if it still exists and (with
    /// <paramref name="expected"/>) is still that version of that workspace: the check and the write are one atomic step.
    /// </summary>
    /// <returns>The workspace as stored before and after the update; or, with nothing changed, its current version (none when it is gone).</returns>
    Task<ConditionalWrite<WorkspaceUpdate>> TryUpdateAsync(long workspaceId, WorkspaceChanges changes, WorkspaceVersion? expected, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the organization's workspace of that exact name and its Copilot LLM links, if (with
    /// <paramref name="expected"/>) it is that version of that workspace.
    /// </summary>
    /// <returns>The removed workspace's public id and the version it had; or, with nothing changed, its current version (none when there is no such workspace).</returns>
    Task<ConditionalWrite<WorkspaceVersion>> TryDeleteAsync(long organizationId, string name, WorkspaceVersion? expected, CancellationToken cancellationToken);
}

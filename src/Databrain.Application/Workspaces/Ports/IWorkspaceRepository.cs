using Databrain.Domain.Workspaces;

namespace Databrain.Application.Workspaces.Ports;

/// <summary>Port: the write side of workspaces.</summary>
public interface IWorkspaceRepository
{
    /// <summary>
    /// Stores the workspace and its Copilot LLM links in one transaction.
    /// </summary>
    /// <returns>False, with nothing stored, when the organization already has a workspace of that name.</returns>
    Task<bool> TryAddAsync(Workspace workspace, CancellationToken cancellationToken);

    /// <summary>Removes the organization's workspace of that exact name and its Copilot LLM links, in one transaction.</summary>
    /// <returns>The id of the removed workspace; null, with nothing changed, when there is none of that name.</returns>
    Task<long?> TryDeleteAsync(long organizationId, string name, CancellationToken cancellationToken);
}

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
}

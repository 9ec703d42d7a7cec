using Databrain.Application.Workspaces.GetWorkspace;
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
    /// <paramref name="expected"/>) still has that version: the check and the write are one atomic step.
    /// </summary>
    /// <returns>The workspace as stored after the update; or, with nothing changed, its current version (none when it is gone).</returns>
    Task<ConditionalWrite<WorkspaceDetails>> TryUpdateAsync(long workspaceId, WorkspaceChanges changes, long? expected, CancellationToken cancellationToken);

    /// <summary>Removes the organization's workspace of that exact name and its Copilot LLM links, if (with <paramref name="expected"/>) it has that version.</summary>
    /// <returns>The id of the removed workspace; or, with nothing changed, its current version (none when there is no such workspace).</returns>
    Task<ConditionalWrite<long>> TryDeleteAsync(long organizationId, string name, long? expected, CancellationToken cancellationToken);
}

/// <summary>The outcome of a write that needs the workspace to exist, and maybe to have a given version.</summary>
public sealed record ConditionalWrite<T>(bool IsDone, T? Value, long? CurrentVersion)
{
#pragma warning disable CA1000 // Static members on generic types: named constructors of the two outcomes.
    public static ConditionalWrite<T> Done(T value) => new(true, value, null);

    /// <param name="currentVersion">The stored version that did not match; null when the workspace does not exist.</param>
    public static ConditionalWrite<T> Refused(long? currentVersion) => new(false, default, currentVersion);
#pragma warning restore CA1000
}

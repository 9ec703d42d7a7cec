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
    /// <returns>The workspace as stored after the update; or, with nothing changed, its current version (none when it is gone).</returns>
    Task<ConditionalWrite<WorkspaceDetails>> TryUpdateAsync(long workspaceId, WorkspaceChanges changes, WorkspaceVersion? expected, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the organization's workspace of that exact name and its Copilot LLM links, if (with
    /// <paramref name="expected"/>) it is that version of that workspace.
    /// </summary>
    /// <returns>The public id of the removed workspace; or, with nothing changed, its current version (none when there is no such workspace).</returns>
    Task<ConditionalWrite<string>> TryDeleteAsync(long organizationId, string name, WorkspaceVersion? expected, CancellationToken cancellationToken);
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

/// <summary>
/// Port: answers, in ONE database round trip, whether a workspace of that name exists in an organization
/// (and its id and version) and which catalog ids the requested names have there.
/// </summary>
public interface IWorkspaceReferenceLookup
{
    Task<ResolvedReferences> ResolveAsync(long organizationId, WorkspaceReferences references, CancellationToken cancellationToken);
}

/// <summary>The names a request refers to; null or empty means "not asked for".</summary>
public sealed record WorkspaceReferences(
    string WorkspaceName,
    string? DatasourceName,
    string? DatamartName,
    IReadOnlyCollection<string> LlmNames,
    string? ThemeName);

/// <summary>What exists in the organization: the workspace of that name, and ids of the names found.</summary>
public sealed record ResolvedReferences(
    StoredWorkspace? Workspace,
    long? DatasourceId,
    long? DatamartId,
    IReadOnlyDictionary<string, long> LlmIds,
    long? ThemeId);

/// <summary>A stored workspace's key, public id and current version.</summary>
public sealed record StoredWorkspace(long Id, string PublicId, long Version);

/// <summary>Port: the read side of workspaces, returning read models directly.</summary>
public interface IWorkspaceQueries
{
    /// <summary>One page of the organization's workspaces, oldest first.</summary>
    Task<IReadOnlyList<WorkspaceListItem>> ListAsync(long organizationId, WorkspacePage page, CancellationToken cancellationToken);

    /// <summary>
    /// All the organization's workspaces, oldest first, read in chunks as the sequence is enumerated (each chunk
    /// its own short query), so that neither memory nor an open read grows with the list or waits on a slow
    /// client. The first chunk is read before this returns: a database that fails, fails the request.
    /// </summary>
    Task<IAsyncEnumerable<WorkspaceListItem>> ListAllAsync(long organizationId, CancellationToken cancellationToken);

    /// <summary>The organization's workspace of that exact name, in one database command; null when there is none.</summary>
    Task<WorkspaceDetails?> GetAsync(long organizationId, string name, CancellationToken cancellationToken);
}


namespace Databrain.Application.Workspaces.Ports;

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

/// <summary>A stored workspace's id and current version.</summary>
public sealed record StoredWorkspace(long Id, long Version);

namespace Databrain.Application.Workspaces.Ports;

/// <summary>
/// Port: answers, in ONE database round trip, whether a workspace name is taken in an organization and
/// which catalog ids the requested names have there.
/// </summary>
public interface IWorkspaceReferenceLookup
{
    Task<ResolvedReferences> ResolveAsync(long organizationId, WorkspaceReferences references, CancellationToken cancellationToken);
}

/// <summary>The names a create request refers to; null or empty means "not asked for".</summary>
public sealed record WorkspaceReferences(
    string WorkspaceName,
    string? DatasourceName,
    string? DatamartName,
    IReadOnlyCollection<string> LlmNames,
    string? ThemeName);

/// <summary>What exists in the organization: ids of the names found, nothing for the names not found.</summary>
public sealed record ResolvedReferences(
    bool WorkspaceNameExists,
    long? DatasourceId,
    long? DatamartId,
    IReadOnlyDictionary<string, long> LlmIds,
    long? ThemeId);

namespace Databrain.Application.Workspaces.Ports;

/// <summary>What exists in the organization: the workspace of that name, and ids of the names found.</summary>
public sealed record ResolvedReferences(
    StoredWorkspace? Workspace,
    long? DatasourceId,
    long? DatamartId,
    IReadOnlyDictionary<string, long> LlmIds,
    long? ThemeId);

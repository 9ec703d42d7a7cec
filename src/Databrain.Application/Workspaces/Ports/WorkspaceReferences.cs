namespace Databrain.Application.Workspaces.Ports;

/// <summary>The names a request refers to; null or empty means "not asked for".</summary>
public sealed record WorkspaceReferences(
    string WorkspaceName,
    string? DatasourceName,
    string? DatamartName,
    IReadOnlyCollection<string> LlmNames,
    string? ThemeName);

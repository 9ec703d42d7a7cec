using Databrain.Application.Common.Results;

namespace Databrain.Application.Workspaces;

/// <summary>
/// Read model of one workspace (docs/api.md, "GET /api/v2/workspace?name=…"): every setting by name, Copilot LLMs in their given
/// order, enumerations in their wire spelling, <see cref="Id"/> as a string, times in UTC.
/// </summary>
public sealed record WorkspaceDetails(
    string Id,
    string Name,
    string ConnectionType,
    string? DatasourceName,
    string? DatamartName,
    string? LlmName,
    IReadOnlyList<string> AiCopilotLlms,
    bool IsEnableMetricSuggestions,
    bool IsEnableMetricSummary,
    string? SummaryType,
    string? CustomSummaryPrompt,
    string? ThemeName,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IVersioned
{
    string IVersioned.EntityTag => WorkspaceTags.Of(Id, Version);
}

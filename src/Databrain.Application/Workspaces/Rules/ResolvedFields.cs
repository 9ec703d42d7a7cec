using Databrain.Domain.Workspaces;

namespace Databrain.Application.Workspaces.Rules;

/// <summary>
/// The values of valid, resolved workspace fields: catalog ids instead of names, enumerations parsed. A
/// field without a value reads as absent (null, no Copilot LLMs, off), which update reads as "cleared" when given.
/// </summary>
public sealed record ResolvedFields(
    ConnectionType ConnectionType,
    long? DatasourceId,
    long? DatamartId,
    long? LlmId,
    IReadOnlyList<long> CopilotLlmIds,
    bool IsEnableMetricSuggestions,
    MetricSummary? MetricSummary,
    long? ThemeId);

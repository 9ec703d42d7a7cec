using Databrain.Domain.Common;

namespace Databrain.Domain.Workspaces;

/// <summary>
/// An update of a workspace, with references already resolved to catalog ids. The connection is replaced
/// whole; every other setting is either left out (kept as stored) or given (replaced, null clearing it).
/// The metric summary settings change as one group. Built only through <see cref="Create"/>, which enforces
/// the same rules as <see cref="Workspace.Create"/> on what it replaces, so that no update can store a
/// workspace that could not have been created.
/// </summary>
public sealed record WorkspaceChanges
{
    private WorkspaceChanges()
    {
    }

    public ConnectionType ConnectionType { get; private init; }

    public long? DatasourceId { get; private init; }

    public long? DatamartId { get; private init; }

    public Optional<long?> LlmId { get; private init; }

    public Optional<IReadOnlyList<long>> CopilotLlmIds { get; private init; }

    public Optional<bool> IsEnableMetricSuggestions { get; private init; }

    /// <summary>Given null: metric summaries turned off.</summary>
    public Optional<MetricSummary?> MetricSummary { get; private init; }

    public Optional<long?> ThemeId { get; private init; }

    public static WorkspaceChanges Create(
        ConnectionType connectionType,
        long? datasourceId,
        long? datamartId,
        Optional<long?> llmId,
        Optional<IReadOnlyList<long>> copilotLlmIds,
        Optional<bool> isEnableMetricSuggestions,
        Optional<MetricSummary?> metricSummary,
        Optional<long?> themeId)
    {
        Workspace.CheckConnection(connectionType, datasourceId, datamartId);
        if (copilotLlmIds.IsGiven)
        {
            WorkspaceAiSettings.CheckCopilotLlms(copilotLlmIds.Value);
        }

        return new WorkspaceChanges
        {
            ConnectionType = connectionType,
            DatasourceId = datasourceId,
            DatamartId = datamartId,
            LlmId = llmId,
            CopilotLlmIds = copilotLlmIds.Map(ids => (IReadOnlyList<long>)ids.ToArray()),
            IsEnableMetricSuggestions = isEnableMetricSuggestions,
            MetricSummary = metricSummary,
            ThemeId = themeId,
        };
    }
}

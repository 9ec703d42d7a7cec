namespace Databrain.Client;

/// <summary>
/// A change of one workspace, named by <see cref="Name"/> (there is no rename). The connection is always replaced
/// (<see cref="ConnectionType"/> with its datasource or datamart). Every <see cref="Optional{T}"/> property left out
/// keeps the stored value; given, it replaces it, and null clears it. <see cref="Workspace.ToUpdate"/> starts one
/// from a read workspace.
/// </summary>
public sealed record WorkspaceUpdate
{
    public required string Name { get; init; }

    public required ConnectionType ConnectionType { get; init; }

    /// <summary>Required with <see cref="ConnectionType.Datasource"/>, not allowed with any other.</summary>
    public string? DatasourceName { get; init; }

    /// <summary>Required with <see cref="ConnectionType.Datamart"/>, not allowed with any other.</summary>
    public string? DatamartName { get; init; }

    /// <summary>The primary LLM; null: none.</summary>
    public Optional<string?> LlmName { get; init; }

    /// <summary>The Copilot LLMs in their order; null or empty: none. Given as <c>new(["gpt-4o"])</c>.</summary>
    public Optional<IReadOnlyList<string>?> AiCopilotLlms { get; init; }

    /// <summary>Metric suggestions on or off.</summary>
    public Optional<bool> IsEnableMetricSuggestions { get; init; }

    /// <summary>Metric summaries on with these settings; null: off (and the type and prompt cleared).</summary>
    public Optional<MetricSummary?> MetricSummary { get; init; }

    /// <summary>The theme; null: none.</summary>
    public Optional<string?> ThemeName { get; init; }
}

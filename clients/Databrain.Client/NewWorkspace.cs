namespace Databrain.Client;

/// <summary>
/// A workspace to create. A null property is left out of the request: no LLM, no Copilot LLMs, suggestions and
/// summaries off, no theme.
/// </summary>
public sealed record NewWorkspace
{
    /// <summary>Unique within the organization: 1 to 100 characters, no leading or trailing white space.</summary>
    public required string Name { get; init; }

    public required ConnectionType ConnectionType { get; init; }

    /// <summary>Required with <see cref="ConnectionType.Datasource"/>, not allowed with any other.</summary>
    public string? DatasourceName { get; init; }

    /// <summary>Required with <see cref="ConnectionType.Datamart"/>, not allowed with any other.</summary>
    public string? DatamartName { get; init; }

    public string? LlmName { get; init; }

    /// <summary>At most 20, none twice.</summary>
    public IReadOnlyList<string>? AiCopilotLlms { get; init; }

    public bool? IsEnableMetricSuggestions { get; init; }

    /// <summary>Metric summaries on, with these settings; null: off.</summary>
    public MetricSummary? MetricSummary { get; init; }

    public string? ThemeName { get; init; }
}

namespace Databrain.Client;

/// <summary>Metric summaries switched on: their kind, and with <see cref="SummaryType.Custom"/> the prompt (required then, not allowed otherwise).</summary>
public sealed record MetricSummary(SummaryType Type, string? CustomPrompt = null);

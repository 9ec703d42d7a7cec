using Databrain.Domain.Common;

namespace Databrain.Domain.Workspaces;

/// <summary>The AI features of a workspace: primary LLM, Copilot LLMs, metric suggestions and summaries.</summary>
public sealed record WorkspaceAiSettings
{
    public const int MaxCopilotLlms = 20;

    private WorkspaceAiSettings(long? llmId, IReadOnlyList<long> copilotLlmIds, bool isEnableMetricSuggestions, MetricSummary? metricSummary)
    {
        LlmId = llmId;
        CopilotLlmIds = copilotLlmIds;
        IsEnableMetricSuggestions = isEnableMetricSuggestions;
        MetricSummary = metricSummary;
    }

    public static WorkspaceAiSettings None { get; } = new(null, [], false, null);

    public long? LlmId { get; }

    public IReadOnlyList<long> CopilotLlmIds { get; }

    public bool IsEnableMetricSuggestions { get; }

    /// <summary>Null when metric summaries are off.</summary>
    public MetricSummary? MetricSummary { get; }

    public static WorkspaceAiSettings Create(long? llmId, IReadOnlyList<long> copilotLlmIds, bool isEnableMetricSuggestions, MetricSummary? metricSummary)
    {
        CheckCopilotLlms(copilotLlmIds);
        return new WorkspaceAiSettings(llmId, copilotLlmIds.ToArray(), isEnableMetricSuggestions, metricSummary);
    }

    /// <summary>The Copilot list rule, for a new workspace and for an update that replaces the list.</summary>
    internal static void CheckCopilotLlms(IReadOnlyList<long> copilotLlmIds)
    {
        if (copilotLlmIds.Count > MaxCopilotLlms)
        {
            throw new DomainRuleException($"A workspace offers at most {MaxCopilotLlms} Copilot LLMs.");
        }

        if (copilotLlmIds.Distinct().Count() != copilotLlmIds.Count)
        {
            throw new DomainRuleException("A workspace offers each Copilot LLM once.");
        }
    }
}

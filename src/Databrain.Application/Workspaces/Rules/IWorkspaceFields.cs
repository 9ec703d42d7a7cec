namespace Databrain.Application.Workspaces.Rules;

/// <summary>
/// The workspace fields of a request body (docs/api.md, "POST /api/v2/workspace"), as the shared field rules and reference
/// checks read them: null is "no value to check", whether the field was left out or, on update, cleared.
/// Create and update both implement it, so each rule is written once.
/// </summary>
public interface IWorkspaceFields
{
    string? Name { get; }

    string? ConnectionType { get; }

    string? DatasourceName { get; }

    string? DatamartName { get; }

    string? LlmName { get; }

    IReadOnlyList<string?>? AiCopilotLlms { get; }

    bool? IsEnableMetricSuggestions { get; }

    bool? IsEnableMetricSummary { get; }

    string? SummaryType { get; }

    string? CustomSummaryPrompt { get; }

    string? ThemeName { get; }
}

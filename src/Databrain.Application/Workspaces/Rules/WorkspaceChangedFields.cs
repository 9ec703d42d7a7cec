namespace Databrain.Application.Workspaces.Rules;

/// <summary>The wire names a change record lists as changed (docs/api.md, "History and change feed").</summary>
public static class WorkspaceChangedFields
{
    /// <summary>A create's: every field of the request that holds a value (<c>false</c> and <c>[]</c> are values).</summary>
    public static IReadOnlyList<string> OfCreate(IWorkspaceFields request) =>
        [
            .. new (string Field, bool Given)[]
            {
                (WorkspaceFields.Name, request.Name is not null),
                (WorkspaceFields.ConnectionType, request.ConnectionType is not null),
                (WorkspaceFields.DatasourceName, request.DatasourceName is not null),
                (WorkspaceFields.DatamartName, request.DatamartName is not null),
                (WorkspaceFields.LlmName, request.LlmName is not null),
                (WorkspaceFields.AiCopilotLlms, request.AiCopilotLlms is not null),
                (WorkspaceFields.IsEnableMetricSuggestions, request.IsEnableMetricSuggestions is not null),
                (WorkspaceFields.IsEnableMetricSummary, request.IsEnableMetricSummary is not null),
                (WorkspaceFields.SummaryType, request.SummaryType is not null),
                (WorkspaceFields.CustomSummaryPrompt, request.CustomSummaryPrompt is not null),
                (WorkspaceFields.ThemeName, request.ThemeName is not null),
            }.Where(f => f.Given).Select(f => f.Field),
        ];

    /// <summary>An update's: the fields whose stored value differs (the Copilot LLMs' order is stored, so it counts).</summary>
    public static IReadOnlyList<string> Between(WorkspaceDetails before, WorkspaceDetails after) =>
        [
            .. new (string Field, bool Changed)[]
            {
                (WorkspaceFields.ConnectionType, before.ConnectionType != after.ConnectionType),
                (WorkspaceFields.DatasourceName, before.DatasourceName != after.DatasourceName),
                (WorkspaceFields.DatamartName, before.DatamartName != after.DatamartName),
                (WorkspaceFields.LlmName, before.LlmName != after.LlmName),
                (WorkspaceFields.AiCopilotLlms, !before.AiCopilotLlms.SequenceEqual(after.AiCopilotLlms, StringComparer.Ordinal)),
                (WorkspaceFields.IsEnableMetricSuggestions, before.IsEnableMetricSuggestions != after.IsEnableMetricSuggestions),
                (WorkspaceFields.IsEnableMetricSummary, before.IsEnableMetricSummary != after.IsEnableMetricSummary),
                (WorkspaceFields.SummaryType, before.SummaryType != after.SummaryType),
                (WorkspaceFields.CustomSummaryPrompt, before.CustomSummaryPrompt != after.CustomSummaryPrompt),
                (WorkspaceFields.ThemeName, before.ThemeName != after.ThemeName),
            }.Where(f => f.Changed).Select(f => f.Field),
        ];
}

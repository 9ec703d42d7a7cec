using Databrain.Application.Common.Results;
using Databrain.Application.Workspaces.Ports;
using Databrain.Domain.Workspaces;

namespace Databrain.Application.Workspaces.Rules;

/// <summary>
/// The ordered reference checks of docs/api.md ("POST /api/v2/workspace", order of checks, step 5), shared by create and update: what to
/// look up, then the first name the organization does not have, in the order datasource, datamart, LLM,
/// Copilot LLMs, theme. Only names given with a value are checked.
/// </summary>
public static class WorkspaceReferenceChecks
{
    /// <summary>Every name the fields refer to, with the workspace's own name, for one look-up.</summary>
    public static WorkspaceReferences ToLookUp(IWorkspaceFields fields)
    {
        var llmNames = CopilotLlms(fields).Append(fields.LlmName).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        return new WorkspaceReferences(fields.Name!, fields.DatasourceName, fields.DatamartName, llmNames, fields.ThemeName);
    }

    /// <summary>The first reference that names nothing of the organization, or the fields with their names resolved to ids.</summary>
    public static Result<ResolvedFields> Resolve(IWorkspaceFields fields, ResolvedReferences found)
    {
        if (fields.DatasourceName is { } datasource && found.DatasourceId is null)
        {
            return Errors.InvalidDatasourceName(datasource);
        }

        if (fields.DatamartName is { } datamart && found.DatamartId is null)
        {
            return Errors.InvalidDatamartName(datamart);
        }

        if (fields.LlmName is { } llm && !found.LlmIds.ContainsKey(llm))
        {
            return Errors.InvalidLlmName(llm);
        }

        var copilotLlms = CopilotLlms(fields);
        var unknownCopilotLlms = copilotLlms.Where(n => !found.LlmIds.ContainsKey(n)).ToArray();
        if (unknownCopilotLlms.Length > 0)
        {
            return Errors.InvalidAiCopilotLlms(unknownCopilotLlms);
        }

        if (fields.ThemeName is { } theme && found.ThemeId is null)
        {
            return Errors.InvalidThemeName(theme);
        }

        return new ResolvedFields(
            Parse<ConnectionType>(fields.ConnectionType, ConnectionTypes.TryParse),
            fields.DatasourceName is null ? null : found.DatasourceId,
            fields.DatamartName is null ? null : found.DatamartId,
            fields.LlmName is null ? null : found.LlmIds[fields.LlmName],
            copilotLlms.Select(n => found.LlmIds[n]).ToArray(),
            fields.IsEnableMetricSuggestions ?? false,
            fields.IsEnableMetricSummary == true
                ? MetricSummary.Create(Parse<SummaryType>(fields.SummaryType, SummaryTypes.TryParse), fields.CustomSummaryPrompt)
                : null,
            fields.ThemeName is null ? null : found.ThemeId);
    }

    private static string[] CopilotLlms(IWorkspaceFields fields) => fields.AiCopilotLlms?.Select(n => n!).ToArray() ?? [];

    private delegate bool TryParser<TEnum>(string? wire, out TEnum value);

    /// <summary>The validator has already accepted the value, so a parse failure here is a bug.</summary>
    private static TEnum Parse<TEnum>(string? wire, TryParser<TEnum> tryParse) =>
        tryParse(wire, out var value) ? value : throw new InvalidOperationException($"Unvalidated {typeof(TEnum).Name} '{wire}'.");
}

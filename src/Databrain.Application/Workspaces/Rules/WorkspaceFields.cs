using Databrain.Application.Common.Validation;
using Databrain.Domain.Workspaces;

namespace Databrain.Application.Workspaces.Rules;

/// <summary>
/// The one table of the workspace fields: their wire names, the words of their rules (the validator's
/// messages), and the descriptions the API reference shows, composed from those same words.
/// </summary>
public static class WorkspaceFields
{
    public static readonly string Name = WireNames.Of(nameof(IWorkspaceFields.Name));
    public static readonly string ConnectionType = WireNames.Of(nameof(IWorkspaceFields.ConnectionType));
    public static readonly string DatasourceName = WireNames.Of(nameof(IWorkspaceFields.DatasourceName));
    public static readonly string DatamartName = WireNames.Of(nameof(IWorkspaceFields.DatamartName));
    public static readonly string LlmName = WireNames.Of(nameof(IWorkspaceFields.LlmName));
    public static readonly string AiCopilotLlms = WireNames.Of(nameof(IWorkspaceFields.AiCopilotLlms));
    public static readonly string IsEnableMetricSuggestions = WireNames.Of(nameof(IWorkspaceFields.IsEnableMetricSuggestions));
    public static readonly string IsEnableMetricSummary = WireNames.Of(nameof(IWorkspaceFields.IsEnableMetricSummary));
    public static readonly string SummaryType = WireNames.Of(nameof(IWorkspaceFields.SummaryType));
    public static readonly string CustomSummaryPrompt = WireNames.Of(nameof(IWorkspaceFields.CustomSummaryPrompt));
    public static readonly string ThemeName = WireNames.Of(nameof(IWorkspaceFields.ThemeName));

    public const string MustBeAStringNotNull = "must be a string, not null";

    public static IReadOnlyList<string> Required { get; } = [Name, ConnectionType];

    /// <summary>The fields that follow the name rule (and each value of <see cref="AiCopilotLlms"/>).</summary>
    public static IReadOnlyList<string> NameFields { get; } = [Name, DatasourceName, DatamartName, LlmName, ThemeName];

    public static string AtMostCopilotLlms { get; } = $"must hold at most {WorkspaceAiSettings.MaxCopilotLlms} values";

    public static string SummaryTypeRequired { get; } = $"is required when {IsEnableMetricSummary} is true";

    public static string SummaryTypeNotAllowed { get; } = $"is not allowed when {IsEnableMetricSummary} is false";

    public static string PromptRequired { get; } = $"is required (not blank) when {SummaryType} is {Domain.Workspaces.SummaryType.Custom.ToWire()}";

    public static string PromptNotAllowed { get; } = $"is not allowed unless {SummaryType} is {Domain.Workspaces.SummaryType.Custom.ToWire()}";

    public static string PromptTooLong { get; } = $"must be at most {MetricSummary.MaxCustomPromptLength} characters long";

    public static string NoNulCharacter => "must not contain the NUL character (U+0000)";

    public static string MustBeOneOf(IEnumerable<string> values) => $"must be one of {string.Join(", ", values)}";

    public static string MustNotRepeat(IEnumerable<string> repeated) => $"must not repeat a value ({string.Join(", ", repeated.Select(v => $"'{v}'"))})";

    public static string RequiredWithConnectionType(string connectionType) => $"is required when {ConnectionType} is {connectionType}";

    public static string NotAllowedWithConnectionType(string connectionType) => $"is not allowed when {ConnectionType} is {connectionType}";
}

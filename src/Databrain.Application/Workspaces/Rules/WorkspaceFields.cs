using Databrain.Domain.Common;
using Databrain.Domain.Workspaces;

namespace Databrain.Application.Workspaces.Rules;

/// <summary>
/// The one table of the workspace fields: their wire names, the words of their rules (the validator's
/// messages), and the descriptions the API reference shows, composed from those same words.
/// </summary>
public static class WorkspaceFields
{
    public const string Name = "name";
    public const string ConnectionType = "connectionType";
    public const string DatasourceName = "datasourceName";
    public const string DatamartName = "datamartName";
    public const string LlmName = "llmName";
    public const string AiCopilotLlms = "aiCopilotLlms";
    public const string IsEnableMetricSuggestions = "isEnableMetricSuggestions";
    public const string IsEnableMetricSummary = "isEnableMetricSummary";
    public const string SummaryType = "summaryType";
    public const string CustomSummaryPrompt = "customSummaryPrompt";
    public const string ThemeName = "themeName";

    public const string IsRequired = "is required";
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

    public static string MustBeOneOf(IEnumerable<string> values) => $"must be one of {string.Join(", ", values)}";

    public static string MustNotRepeat(IEnumerable<string> repeated) => $"must not repeat a value ({string.Join(", ", repeated.Select(v => $"'{v}'"))})";

    public static string RequiredWithConnectionType(string connectionType) => $"is required when {ConnectionType} is {connectionType}";

    public static string NotAllowedWithConnectionType(string connectionType) => $"is not allowed when {ConnectionType} is {connectionType}";

    /// <summary>What the API reference says of each field, from the words above and the domain's constants.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Name] = $"The workspace's name, unique within the organization. A name: {NameRule.Summary}.",
        [ConnectionType] = $"It {MustBeOneOf(ConnectionTypes.WireNames)}.",
        [DatasourceName] = SourceDescription(Domain.Workspaces.ConnectionType.Datasource, "datasource"),
        [DatamartName] = SourceDescription(Domain.Workspaces.ConnectionType.Datamart, "datamart"),
        [LlmName] = $"The primary LLM, an LLM of the organization. A name: {NameRule.Summary}.",
        [AiCopilotLlms] = $"The LLMs AI Copilot offers, each an LLM of the organization ([] means none). It {AtMostCopilotLlms} and must not repeat a value. Each a name: {NameRule.Summary}.",
        [IsEnableMetricSuggestions] = "Metric suggestions on or off; default false.",
        [IsEnableMetricSummary] = "Metric summaries on or off; default false.",
        [SummaryType] = $"{Rule(SummaryTypeRequired)}; {SummaryTypeNotAllowed[3..]}. It {MustBeOneOf(SummaryTypes.WireNames)}.",
        [CustomSummaryPrompt] = $"{Rule(PromptRequired)}; {PromptNotAllowed[3..]}; it {PromptTooLong}.",
        [ThemeName] = $"A theme of the organization. A name: {NameRule.Summary}.",
    };

    private static string SourceDescription(Domain.Workspaces.ConnectionType type, string what) =>
        $"{Rule(RequiredWithConnectionType(type.ToWire()))}, not allowed with any other; a {what} of the organization. A name: {NameRule.Summary}.";

    /// <summary>"is required when …" as the start of a description: "Required when …".</summary>
    private static string Rule(string message) => char.ToUpperInvariant(message[3]) + message[4..];
}

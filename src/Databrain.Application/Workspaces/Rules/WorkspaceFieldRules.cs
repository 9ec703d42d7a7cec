using Databrain.Application.Common.Validation;
using Databrain.Domain.Common;
using Databrain.Domain.Workspaces;
using FluentValidation;

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

/// <summary>
/// The field rules of a workspace body (docs/api.md, "POST /api/v2/workspace"), shared by create and update: only what the
/// request itself shows. Whether names exist is the handler's job, in one database round trip. Field names
/// are the JSON names; each message completes the sentence "field …".
/// </summary>
public abstract class WorkspaceFieldRules<T> : AbstractValidator<T>
    where T : IWorkspaceFields
{
    protected WorkspaceFieldRules()
    {
        // One problem per field: the first rule a field breaks is the one reported.
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.Name).NotNull().WithMessage(RuleMessages.IsRequired).FollowsNameRule();

        RuleFor(c => c.ConnectionType)
            .NotNull().WithMessage(RuleMessages.IsRequired)
            .Must(value => value is null || ConnectionTypes.TryParse(value, out _))
            .WithMessage(WorkspaceFields.MustBeOneOf(ConnectionTypes.WireNames));

        SourceNameRules(c => c.DatasourceName, ConnectionType.Datasource.ToWire());
        SourceNameRules(c => c.DatamartName, ConnectionType.Datamart.ToWire());

        RuleFor(c => c.LlmName).FollowsNameRule();

        RuleFor(c => c.AiCopilotLlms)
            .Must(values => values!.Count <= WorkspaceAiSettings.MaxCopilotLlms)
            .WithMessage(WorkspaceFields.AtMostCopilotLlms)
            .Must(values => !Repeated(values!).Any())
            .WithMessage((_, values) => WorkspaceFields.MustNotRepeat(Repeated(values!)))
            .When(c => c.AiCopilotLlms is not null);
        RuleForEach(c => c.AiCopilotLlms)
            .Cascade(CascadeMode.Continue) // Stop would end the rule at the first bad value; each check skips nulls instead
            .NotNull().WithMessage(WorkspaceFields.MustBeAStringNotNull)
            .FollowsNameRule()
            .When(c => c.AiCopilotLlms is null || c.AiCopilotLlms.Count <= WorkspaceAiSettings.MaxCopilotLlms); // a longer list is one problem, not one per value

        RuleFor(c => c.SummaryType)
            .NotNull().When(c => c.IsEnableMetricSummary == true, ApplyConditionTo.CurrentValidator).WithMessage(WorkspaceFields.SummaryTypeRequired)
            .Null().When(c => c.IsEnableMetricSummary != true, ApplyConditionTo.CurrentValidator).WithMessage(WorkspaceFields.SummaryTypeNotAllowed)
            .Must(value => value is null || SummaryTypes.TryParse(value, out _))
            .WithMessage(WorkspaceFields.MustBeOneOf(SummaryTypes.WireNames));

        var custom = Domain.Workspaces.SummaryType.Custom.ToWire();
        RuleFor(c => c.CustomSummaryPrompt)
            .Must(value => !string.IsNullOrWhiteSpace(value)).When(c => c.SummaryType == custom, ApplyConditionTo.CurrentValidator)
            .WithMessage(WorkspaceFields.PromptRequired)
            .Null().When(c => c.SummaryType != custom, ApplyConditionTo.CurrentValidator).WithMessage(WorkspaceFields.PromptNotAllowed)
            .MaximumLength(MetricSummary.MaxCustomPromptLength)
            .WithMessage(WorkspaceFields.PromptTooLong)
            .Must(value => value?.Contains('\0', StringComparison.Ordinal) != true)
            .WithMessage(WorkspaceFields.NoNulCharacter);

        RuleFor(c => c.ThemeName).FollowsNameRule();
    }

    /// <summary>datasourceName / datamartName: required with their own connection type, not allowed with any other.</summary>
    private void SourceNameRules(System.Linq.Expressions.Expression<Func<T, string?>> field, string connectionType)
    {
        RuleFor(field)
            .NotNull().When(c => c.ConnectionType == connectionType, ApplyConditionTo.CurrentValidator)
            .WithMessage(WorkspaceFields.RequiredWithConnectionType(connectionType))
            .Null().When(c => c.ConnectionType != connectionType && ConnectionTypes.TryParse(c.ConnectionType, out _), ApplyConditionTo.CurrentValidator)
            .WithMessage(c => WorkspaceFields.NotAllowedWithConnectionType(c.ConnectionType!))
            .FollowsNameRule();
    }

    private static IEnumerable<string> Repeated(IEnumerable<string?> values) =>
        values.OfType<string>().GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
}

public static class NameRuleExtensions
{
    /// <summary>Applies the domain's <see cref="NameRule"/> to a present value (null is left to presence rules).</summary>
    public static IRuleBuilderOptions<T, string?> FollowsNameRule<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || NameRule.IsValid(value))
            .WithMessage((_, value) => NameRule.FindProblem(value!));
}

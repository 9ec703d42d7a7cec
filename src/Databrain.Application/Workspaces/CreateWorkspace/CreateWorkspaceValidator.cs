using Databrain.Application.Common.Validation;
using Databrain.Domain.Workspaces;
using FluentValidation;

namespace Databrain.Application.Workspaces.CreateWorkspace;

/// <summary>
/// The field rules of the contract (section 3): only what the request itself shows. Whether names exist is
/// the handler's job, in one database round trip. Field names are the JSON names.
/// </summary>
public sealed class CreateWorkspaceValidator : AbstractValidator<CreateWorkspaceCommand>
{
    private const string Datasource = "DATASOURCE";
    private const string Datamart = "DATAMART";
    private const string Custom = "custom";

    public CreateWorkspaceValidator()
    {
        // One problem per field: the first rule a field breaks is the one reported.
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.Name).NotNull().WithMessage("is required").FollowsNameRule().OverridePropertyName("name");

        RuleFor(c => c.ConnectionType)
            .NotNull().WithMessage("is required")
            .Must(value => value is null || ConnectionTypes.TryParse(value, out _))
            .WithMessage($"must be one of {string.Join(", ", ConnectionTypes.WireNames)}")
            .OverridePropertyName("connectionType");

        SourceNameRules(c => c.DatasourceName, "datasourceName", Datasource);
        SourceNameRules(c => c.DatamartName, "datamartName", Datamart);

        RuleFor(c => c.LlmName).FollowsNameRule().OverridePropertyName("llmName");

        RuleFor(c => c.AiCopilotLlms)
            .Must(values => values!.Count <= Workspace.MaxCopilotLlms)
            .WithMessage($"must hold at most {Workspace.MaxCopilotLlms} values")
            .Must(values => values!.Where(v => v is not null).Distinct(StringComparer.Ordinal).Count() == values!.Count(v => v is not null))
            .WithMessage((_, values) => $"must not repeat a value ({string.Join(", ", Duplicates(values!).Select(v => $"'{v}'"))})")
            .When(c => c.AiCopilotLlms is not null)
            .OverridePropertyName("aiCopilotLlms");
        RuleForEach(c => c.AiCopilotLlms)
            .Cascade(CascadeMode.Continue) // Stop would end the rule at the first bad value; each check skips nulls instead
            .NotNull().WithMessage("must be a string, not null")
            .FollowsNameRule()
            .OverridePropertyName("aiCopilotLlms");

        RuleFor(c => c.SummaryType)
            .NotNull().When(c => c.IsEnableMetricSummary == true, ApplyConditionTo.CurrentValidator).WithMessage("is required when isEnableMetricSummary is true")
            .Null().When(c => c.IsEnableMetricSummary != true, ApplyConditionTo.CurrentValidator).WithMessage("is not allowed when isEnableMetricSummary is false")
            .Must(value => value is null || SummaryTypes.TryParse(value, out _))
            .WithMessage($"must be one of {string.Join(", ", SummaryTypes.WireNames)}")
            .OverridePropertyName("summaryType");

        RuleFor(c => c.CustomSummaryPrompt)
            .Must(value => !string.IsNullOrWhiteSpace(value)).When(c => c.SummaryType == Custom, ApplyConditionTo.CurrentValidator)
            .WithMessage("is required (not blank) when summaryType is custom")
            .Null().When(c => c.SummaryType != Custom, ApplyConditionTo.CurrentValidator).WithMessage("is not allowed unless summaryType is custom")
            .MaximumLength(MetricSummary.MaxCustomPromptLength)
            .WithMessage($"must be at most {MetricSummary.MaxCustomPromptLength} characters long")
            .OverridePropertyName("customSummaryPrompt");

        RuleFor(c => c.ThemeName).FollowsNameRule().OverridePropertyName("themeName");
    }

    /// <summary>datasourceName / datamartName: required with their own connection type, not allowed with any other.</summary>
    private void SourceNameRules(System.Linq.Expressions.Expression<Func<CreateWorkspaceCommand, string?>> field, string wireName, string connectionType)
    {
        RuleFor(field)
            .NotNull().When(c => c.ConnectionType == connectionType, ApplyConditionTo.CurrentValidator)
            .WithMessage($"is required when connectionType is {connectionType}")
            .Null().When(c => c.ConnectionType != connectionType && ConnectionTypes.TryParse(c.ConnectionType, out _), ApplyConditionTo.CurrentValidator)
            .WithMessage(c => $"is not allowed when connectionType is {c.ConnectionType}")
            .FollowsNameRule()
            .OverridePropertyName(wireName);
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string?> values) =>
        values.OfType<string>().GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
}

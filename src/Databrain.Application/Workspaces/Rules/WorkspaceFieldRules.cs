using Databrain.Application.Common.Validation;
using Databrain.Domain.Workspaces;
using FluentValidation;

namespace Databrain.Application.Workspaces.Rules;

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
            .WithMessage(WorkspaceFields.MustBeOneOf(SummaryTypes.WireNames))
            .When(SummaryGroupIsJudged);

        var custom = Domain.Workspaces.SummaryType.Custom.ToWire();
        RuleFor(c => c.CustomSummaryPrompt)
            .Must(value => !string.IsNullOrWhiteSpace(value)).When(c => c.SummaryType == custom, ApplyConditionTo.CurrentValidator)
            .WithMessage(WorkspaceFields.PromptRequired)
            .Null().When(c => c.SummaryType != custom, ApplyConditionTo.CurrentValidator).WithMessage(WorkspaceFields.PromptNotAllowed)
            .MaximumLength(MetricSummary.MaxCustomPromptLength)
            .WithMessage(WorkspaceFields.PromptTooLong)
            .Must(value => value?.Contains('\0', StringComparison.Ordinal) != true)
            .WithMessage(WorkspaceFields.NoNulCharacter)
            .When(SummaryGroupIsJudged);

        RuleFor(c => c.ThemeName).FollowsNameRule();
    }

    /// <summary>
    /// Whether the metric summary fields are checked against each other: always on create, where a left-out
    /// <c>isEnableMetricSummary</c> means false. An update without the switch gets the one problem its own rule names
    /// instead, not the consequences of a switch it never sent.
    /// </summary>
    protected virtual bool SummaryGroupIsJudged(T request) => true;

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

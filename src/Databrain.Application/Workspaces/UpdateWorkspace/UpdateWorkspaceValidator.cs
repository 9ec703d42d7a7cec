using Databrain.Application.Workspaces.Rules;
using FluentValidation;

namespace Databrain.Application.Workspaces.UpdateWorkspace;

/// <summary>The field rules every workspace body has, plus update's own: the summary group names its switch.</summary>
public sealed class UpdateWorkspaceValidator : WorkspaceFieldRules<UpdateWorkspaceCommand>
{
    public UpdateWorkspaceValidator()
    {
        RuleFor(c => c.IsEnableMetricSummary)
            .NotNull().When(c => c.SummaryType is not null || c.CustomSummaryPrompt is not null)
            .WithMessage($"is required when {WorkspaceFields.SummaryType} or {WorkspaceFields.CustomSummaryPrompt} is given: the summary settings change together")
            .OverridePropertyName(WorkspaceFields.IsEnableMetricSummary);
    }
}

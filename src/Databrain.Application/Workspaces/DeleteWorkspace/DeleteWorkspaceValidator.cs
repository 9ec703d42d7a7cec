using Databrain.Application.Common.Validation;
using FluentValidation;

namespace Databrain.Application.Workspaces.DeleteWorkspace;

public sealed class DeleteWorkspaceValidator : AbstractValidator<DeleteWorkspaceCommand>
{
    public DeleteWorkspaceValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Name).NotNull().WithMessage("is required").FollowsNameRule().OverridePropertyName("name");
    }
}

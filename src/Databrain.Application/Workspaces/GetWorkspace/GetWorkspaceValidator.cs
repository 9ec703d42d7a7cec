using Databrain.Application.Common.Validation;
using FluentValidation;

namespace Databrain.Application.Workspaces.GetWorkspace;

public sealed class GetWorkspaceValidator : AbstractValidator<GetWorkspaceQuery>
{
    private const string NotWithName = "is not allowed together with name";

    public GetWorkspaceValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.Name).NotNull().WithMessage("is required").FollowsNameRule().OverridePropertyName("name");
        RuleFor(q => q.IsPagination).Null().WithMessage(NotWithName).OverridePropertyName("isPagination");
        RuleFor(q => q.PageNumber).Null().WithMessage(NotWithName).OverridePropertyName("pageNumber");
    }
}

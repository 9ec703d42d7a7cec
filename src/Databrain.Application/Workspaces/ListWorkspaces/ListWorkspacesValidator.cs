using FluentValidation;

namespace Databrain.Application.Workspaces.ListWorkspaces;

public sealed class ListWorkspacesValidator : AbstractValidator<ListWorkspacesQuery>
{
    public ListWorkspacesValidator()
    {
        RuleFor(q => q.IsPagination).Must(WorkspacePage.IsValidFlag)
            .WithMessage("must be \"true\" or \"false\"").OverridePropertyName("isPagination");
        RuleFor(q => q.PageNumber).Must(v => WorkspacePage.TryParseNumber(v, out _))
            .WithMessage("must be a whole number from 1 to 2147483647").OverridePropertyName("pageNumber");
    }
}

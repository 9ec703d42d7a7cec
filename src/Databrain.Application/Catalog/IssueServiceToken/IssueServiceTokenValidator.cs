using Databrain.Application.Common.Validation;
using FluentValidation;

namespace Databrain.Application.Catalog.IssueServiceToken;

public sealed class IssueServiceTokenValidator : AbstractValidator<IssueServiceTokenCommand>
{
    public IssueServiceTokenValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.OrganizationName).NotNull().WithMessage("is required").FollowsNameRule().OverridePropertyName("organization");
    }
}

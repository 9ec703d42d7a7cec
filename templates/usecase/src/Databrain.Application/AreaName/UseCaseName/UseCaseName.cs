using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Common.Validation;
using FluentValidation;
using MediatR;

namespace Databrain.Application.AreaName.UseCaseName;

/// <summary>
/// TODO: the endpoint (method and path) and what it does, in the words of docs/api.md. Properties mirror the
/// JSON body or the query one to one and are nullable: presence and shape are the validator's business.
/// </summary>
public sealed record UseCaseNameCommand(string? Name) : IRequest<Result<UseCaseNameResult>>, IOrganizationScoped;

/// <summary>TODO: the answer's <c>data</c>, as the client reads it.</summary>
public sealed record UseCaseNameResult(string Name);

/// <summary>The field rules, each problem with the field's wire name (docs/adding-a-command.md, step 2).</summary>
public sealed class UseCaseNameValidator : AbstractValidator<UseCaseNameCommand>
{
    public UseCaseNameValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Name).NotNull().WithMessage(RuleMessages.IsRequired);
    }
}

/// <summary>TODO: what the handler decides, and its database round trips (one look-up, one write at most).</summary>
public sealed class UseCaseNameHandler(CallerContext caller) : IRequestHandler<UseCaseNameCommand, Result<UseCaseNameResult>>
{
    public Task<Result<UseCaseNameResult>> Handle(UseCaseNameCommand request, CancellationToken cancellationToken) =>
        throw new NotImplementedException($"UseCaseName is not written yet (organization {caller.RequiredOrganizationId}).");
}

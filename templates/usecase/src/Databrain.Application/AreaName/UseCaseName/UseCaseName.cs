#if (idempotent)
using Databrain.Application.Common.Idempotency;
#endif
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Common.Validation;
using FluentValidation;
using MediatR;

namespace Databrain.Application.AreaName.UseCaseName;

/// <summary>
/// TODO: the endpoint (method and path) and what it does, in the words of docs/api.md. Properties mirror the
/// JSON body or the query one to one and are nullable: presence and shape are the validator's business
/// (docs/adding-a-command.md, step 1). TODO: the errors the handler answers, in [Answers(…)] (step 1).
/// </summary>
#if (query)
public sealed record UseCaseNameQuery(string? Name) : IRequest<Result<UseCaseNameResult>>, IOrganizationScoped;
#elif (idempotent)
/// <remarks>
/// <c>IdempotencyKey</c> is the <c>Idempotency-Key</c> header beside the input (null without one): the action binds
/// <c>[IdempotencyKeyHeader] string? idempotencyKey</c> and passes <c>Request.KeyFor(idempotencyKey, …)</c> (step 1).
/// </remarks>
public sealed record UseCaseNameCommand(string? Name, IdempotencyKey? IdempotencyKey = null) : IRequest<Result<UseCaseNameResult>>, IIdempotent, IWriteRequest;
#else
public sealed record UseCaseNameCommand(string? Name) : IRequest<Result<UseCaseNameResult>>, IWriteRequest;
#endif

/// <summary>TODO: the answer's <c>data</c>, as the client reads it.</summary>
public sealed record UseCaseNameResult(string Name);

#if (query)
/// <summary>The query's rules, each problem with the parameter's wire name (docs/adding-a-command.md, step 2).</summary>
public sealed class UseCaseNameValidator : AbstractValidator<UseCaseNameQuery>
#else
/// <summary>The field rules, each problem with the field's wire name (docs/adding-a-command.md, step 2).</summary>
public sealed class UseCaseNameValidator : AbstractValidator<UseCaseNameCommand>
#endif
{
    public UseCaseNameValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Name).NotNull().WithMessage(RuleMessages.IsRequired);
    }
}

#if (query)
/// <summary>TODO: what the handler reads, in one database round trip (docs/adding-a-command.md, step 4).</summary>
public sealed class UseCaseNameHandler(CallerContext caller) : IRequestHandler<UseCaseNameQuery, Result<UseCaseNameResult>>
{
    public Task<Result<UseCaseNameResult>> Handle(UseCaseNameQuery request, CancellationToken cancellationToken) =>
        throw new NotImplementedException($"UseCaseName is not written yet (organization {caller.RequiredOrganizationId}).");
}
#else
/// <summary>
/// TODO: what the handler decides, and its database round trips (one look-up, one write at most; the write goes
/// through WriteScope.RunAsync, docs/adding-a-command.md, steps 4 and 5).
/// </summary>
public sealed class UseCaseNameHandler(CallerContext caller) : IRequestHandler<UseCaseNameCommand, Result<UseCaseNameResult>>
{
    public Task<Result<UseCaseNameResult>> Handle(UseCaseNameCommand request, CancellationToken cancellationToken) =>
        throw new NotImplementedException($"UseCaseName is not written yet (organization {caller.RequiredOrganizationId}).");
}
#endif

using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Common.Validation;
using Databrain.Application.Workspaces.Ports;
using Databrain.Application.Workspaces.Rules;
using FluentValidation;
using MediatR;

namespace Databrain.Application.Workspaces.GetWorkspace;

/// <summary>
/// GET /api/v2/workspace?name=…: one workspace of the caller's organization. The list's parameters are
/// carried too, because they are not allowed together with <c>name</c>.
/// </summary>
[Answers(Errors.WorkspaceDoesNotExistCode)]
public sealed record GetWorkspaceQuery(
    string? Name,
    string? IsPagination = null,
    string? PageNumber = null,
    string? PageSize = null,
    string? NameStartsWith = null,
    string? ConnectionType = null)
    : IRequest<Result<WorkspaceDetails>>, IOrganizationScoped;

public sealed class GetWorkspaceValidator : AbstractValidator<GetWorkspaceQuery>
{
    private const string NotWithName = "is not allowed together with name";

    public GetWorkspaceValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.Name).NotNull().WithMessage(RuleMessages.IsRequired).FollowsNameRule();
        RuleFor(q => q.IsPagination).Null().WithMessage(NotWithName);
        RuleFor(q => q.PageNumber).Null().WithMessage(NotWithName);
        RuleFor(q => q.PageSize).Null().WithMessage(NotWithName);
        RuleFor(q => q.NameStartsWith).Null().WithMessage(NotWithName);
        RuleFor(q => q.ConnectionType).Null().WithMessage(NotWithName);
    }
}

public sealed class GetWorkspaceHandler(CallerContext caller, IWorkspaceQueries queries)
    : IRequestHandler<GetWorkspaceQuery, Result<WorkspaceDetails>>
{
    public async Task<Result<WorkspaceDetails>> Handle(GetWorkspaceQuery request, CancellationToken cancellationToken)
    {
        return await queries.GetAsync(caller.RequiredOrganizationId, request.Name!, cancellationToken) is { } workspace
            ? workspace
            : Errors.WorkspaceDoesNotExist(request.Name!);
    }
}

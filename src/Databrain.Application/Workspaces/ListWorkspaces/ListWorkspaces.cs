using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces.Ports;
using FluentValidation;
using MediatR;

namespace Databrain.Application.Workspaces.ListWorkspaces;

/// <summary>
/// GET /api/v2/workspace. Both parameters are strings on the wire, as in Databrain. The answer is a sequence,
/// written to the client as it is read: a list of every workspace can be long.
/// </summary>
public sealed record ListWorkspacesQuery(string? IsPagination, string? PageNumber)
    : IRequest<Result<IAsyncEnumerable<WorkspaceListItem>>>, IOrganizationScoped;

public sealed class ListWorkspacesValidator : AbstractValidator<ListWorkspacesQuery>
{
    public ListWorkspacesValidator()
    {
        RuleFor(q => q.IsPagination).Must(WorkspacePage.IsValidFlag)
            .WithMessage("must be \"true\" or \"false\"");
        RuleFor(q => q.PageNumber).Must(v => WorkspacePage.TryParseNumber(v, out _))
            .WithMessage("must be a whole number from 1 to 2147483647");
    }
}

public sealed class ListWorkspacesHandler(CallerContext caller, IWorkspaceQueries queries)
    : IRequestHandler<ListWorkspacesQuery, Result<IAsyncEnumerable<WorkspaceListItem>>>
{
    public async Task<Result<IAsyncEnumerable<WorkspaceListItem>>> Handle(ListWorkspacesQuery request, CancellationToken cancellationToken) =>
        Result<IAsyncEnumerable<WorkspaceListItem>>.Success(WorkspacePage.Of(request.IsPagination, request.PageNumber) is { } page
            ? (await queries.ListAsync(caller.RequiredOrganizationId, page, cancellationToken)).ToAsyncEnumerable()
            : await queries.ListAllAsync(caller.RequiredOrganizationId, cancellationToken));
}

using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces.Ports;
using Databrain.Application.Workspaces.Rules;
using Databrain.Domain.Workspaces;
using FluentValidation;
using MediatR;
using Result = Databrain.Application.Common.Results.Result<Databrain.Application.Workspaces.WorkspaceList>;

namespace Databrain.Application.Workspaces.ListWorkspaces;

/// <summary>
/// GET /api/v2/workspace. Every parameter is a string on the wire, as in Databrain: the page (<see cref="IsPagination"/>,
/// <see cref="PageNumber"/>, <see cref="PageSize"/>) and the filters (<see cref="NameStartsWith"/>,
/// <see cref="ConnectionType"/>), which apply to pages and to the whole list alike.
/// </summary>
public sealed record ListWorkspacesQuery(
    string? IsPagination,
    string? PageNumber,
    string? PageSize = null,
    string? NameStartsWith = null,
    string? ConnectionType = null)
    : IRequest<Result>, IOrganizationScoped;

public sealed class ListWorkspacesValidator : AbstractValidator<ListWorkspacesQuery>
{
    public ListWorkspacesValidator()
    {
        RuleFor(q => q.IsPagination).Must(WorkspacePage.IsValidFlag)
            .WithMessage("must be \"true\" or \"false\"");
        RuleFor(q => q.PageNumber).Must(v => WorkspacePage.TryParseNumber(v, out _))
            .WithMessage("must be a whole number from 1 to 2147483647");
        RuleFor(q => q.PageSize).Must(v => WorkspacePage.TryParseSize(v, out _))
            .WithMessage($"must be a whole number from 1 to {WorkspacePage.MaxSize}")
            .DependentRules(() => RuleFor(q => q.PageSize).Null().When(q => q.IsPagination != "true")
                .WithMessage("is allowed only with isPagination=true"));
        RuleFor(q => q.NameStartsWith).Must(WorkspaceFilter.IsValidPrefix)
            .WithMessage($"must be 1 to {WorkspaceFilter.MaxPrefixLength} characters, none of them a control or format character");
        RuleFor(q => q.ConnectionType).Must(v => v is null || ConnectionTypes.TryParse(v, out _))
            .WithMessage(WorkspaceFields.MustBeOneOf(ConnectionTypes.WireNames));
    }
}

public sealed class ListWorkspacesHandler(CallerContext caller, IWorkspaceQueries queries)
    : IRequestHandler<ListWorkspacesQuery, Result>
{
    public async Task<Result> Handle(ListWorkspacesQuery request, CancellationToken cancellationToken)
    {
        var filter = WorkspaceFilter.Of(request.NameStartsWith, request.ConnectionType);
        return WorkspacePage.Of(request.IsPagination, request.PageNumber, request.PageSize) is { } page
            ? WorkspaceList.Page(await queries.ListAsync(caller.RequiredOrganizationId, page, filter, cancellationToken))
            : new WorkspaceList(await queries.ListAllAsync(caller.RequiredOrganizationId, filter, cancellationToken), totalCount: null);
    }
}

using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces.Ports;
using MediatR;

namespace Databrain.Application.Workspaces.ListWorkspaces;

public sealed class ListWorkspacesHandler(CallerContext caller, IWorkspaceQueries queries)
    : IRequestHandler<ListWorkspacesQuery, Result<IAsyncEnumerable<WorkspaceListItem>>>
{
    public async Task<Result<IAsyncEnumerable<WorkspaceListItem>>> Handle(ListWorkspacesQuery request, CancellationToken cancellationToken) =>
        Result<IAsyncEnumerable<WorkspaceListItem>>.Success(WorkspacePage.Of(request) is { } page
            ? (await queries.ListAsync(caller.RequiredOrganizationId, page, cancellationToken)).ToAsyncEnumerable()
            : await queries.ListAllAsync(caller.RequiredOrganizationId, cancellationToken));
}

using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces.Ports;
using MediatR;

namespace Databrain.Application.Workspaces.ListWorkspaces;

public sealed class ListWorkspacesHandler(CallerContext caller, IWorkspaceQueries queries)
    : IRequestHandler<ListWorkspacesQuery, Result<IReadOnlyList<WorkspaceListItem>>>
{
    public async Task<Result<IReadOnlyList<WorkspaceListItem>>> Handle(ListWorkspacesQuery request, CancellationToken cancellationToken) =>
        Result<IReadOnlyList<WorkspaceListItem>>.Success(
            await queries.ListAsync(caller.RequiredOrganizationId, WorkspacePage.Of(request), cancellationToken));
}

using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces.Ports;
using MediatR;

namespace Databrain.Application.Workspaces.GetWorkspace;

public sealed class GetWorkspaceHandler(CallerContext caller, IWorkspaceQueries queries)
    : IRequestHandler<GetWorkspaceQuery, Result<WorkspaceDetails>>
{
    public async Task<Result<WorkspaceDetails>> Handle(GetWorkspaceQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await queries.GetAsync(caller.RequiredOrganizationId, request.Name!, cancellationToken) is { } workspace
            ? workspace
            : Errors.WorkspaceDoesNotExist(request.Name!);
    }
}

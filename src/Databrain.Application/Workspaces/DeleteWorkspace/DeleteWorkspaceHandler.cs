using System.Globalization;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces.Ports;
using MediatR;

namespace Databrain.Application.Workspaces.DeleteWorkspace;

public sealed class DeleteWorkspaceHandler(CallerContext caller, IWorkspaceRepository workspaces)
    : IRequestHandler<DeleteWorkspaceCommand, Result<DeletedWorkspace>>
{
    public const string Deleted = "Workspace deleted successfully";

    public async Task<Result<DeletedWorkspace>> Handle(DeleteWorkspaceCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name!;
        return await workspaces.TryDeleteAsync(caller.RequiredOrganizationId, name, cancellationToken) is { } id
            ? new DeletedWorkspace(id.ToString(CultureInfo.InvariantCulture), name, Deleted)
            : Errors.WorkspaceDoesNotExist(name);
    }
}

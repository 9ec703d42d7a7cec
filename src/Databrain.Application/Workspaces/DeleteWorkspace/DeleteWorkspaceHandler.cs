using System.Globalization;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces.Ports;
using Databrain.Application.Workspaces.Rules;
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
        var write = await workspaces.TryDeleteAsync(caller.RequiredOrganizationId, name, request.IfMatch?.Version, cancellationToken);
        return write.ToResult(name, id => new DeletedWorkspace(id.ToString(CultureInfo.InvariantCulture), name, Deleted));
    }
}

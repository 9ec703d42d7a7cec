using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces.Ports;
using Databrain.Application.Workspaces.Rules;
using Databrain.Domain.Workspaces;
using MediatR;

namespace Databrain.Application.Workspaces.CreateWorkspace;

/// <summary>
/// Resolves the name check and every reference in one lookup, answers the first failure in the contract's
/// order (name taken, then the shared reference checks), then writes in one transaction.
/// </summary>
public sealed class CreateWorkspaceHandler(
    CallerContext caller,
    IWorkspaceReferenceLookup lookup,
    IWorkspaceRepository workspaces)
    : IRequestHandler<CreateWorkspaceCommand, Result<CreatedWorkspace>>
{
    public async Task<Result<CreatedWorkspace>> Handle(CreateWorkspaceCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var organizationId = caller.RequiredOrganizationId;
        var name = request.Name!;
        var found = await lookup.ResolveAsync(organizationId, WorkspaceReferenceChecks.ToLookUp(request), cancellationToken);
        if (found.Workspace is not null)
        {
            return Errors.WorkspaceNameAlreadyExists(name);
        }

        var resolved = WorkspaceReferenceChecks.Resolve(request, found);
        if (!resolved.IsSuccess)
        {
            return resolved.Error;
        }

        var fields = resolved.Value;
        var workspace = Workspace.Create(
            organizationId,
            name,
            fields.ConnectionType,
            fields.DatasourceId,
            fields.DatamartId,
            WorkspaceAiSettings.Create(fields.LlmId, fields.CopilotLlmIds, fields.IsEnableMetricSuggestions, fields.MetricSummary),
            fields.ThemeId);

        // The look-up above gives the right error first; the unique index decides when two creates race.
        return await workspaces.TryAddAsync(workspace, cancellationToken)
            ? new CreatedWorkspace(workspace.Name)
            : Errors.WorkspaceNameAlreadyExists(name);
    }
}

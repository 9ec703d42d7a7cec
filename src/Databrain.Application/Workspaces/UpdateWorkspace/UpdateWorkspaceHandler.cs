using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces.GetWorkspace;
using Databrain.Application.Workspaces.Ports;
using Databrain.Application.Workspaces.Rules;
using Databrain.Domain.Common;
using Databrain.Domain.Workspaces;
using MediatR;

namespace Databrain.Application.Workspaces.UpdateWorkspace;

/// <summary>
/// Reads the workspace and every reference in one look-up, answers the first failure in the contract's order
/// (no such workspace, If-Match, then the shared reference checks), then writes in one command whose own
/// version check makes check and write atomic, and which answers the workspace as stored.
/// </summary>
public sealed class UpdateWorkspaceHandler(
    CallerContext caller,
    IWorkspaceReferenceLookup lookup,
    IWorkspaceRepository workspaces)
    : IRequestHandler<UpdateWorkspaceCommand, Result<WorkspaceDetails>>
{
    public async Task<Result<WorkspaceDetails>> Handle(UpdateWorkspaceCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name!;
        var found = await lookup.ResolveAsync(caller.RequiredOrganizationId, WorkspaceReferenceChecks.ToLookUp(request), cancellationToken);
        if (ExistingWorkspaceChecks.Check(name, found.Workspace, request.IfMatch) is { } notWritable)
        {
            return notWritable;
        }

        var resolved = WorkspaceReferenceChecks.Resolve(request, found);
        if (!resolved.IsSuccess)
        {
            return resolved.Error;
        }

        var fields = resolved.Value;
        var changes = WorkspaceChanges.Create(
            fields.ConnectionType,
            fields.DatasourceId,
            fields.DatamartId,
            request.LlmName.Map(_ => fields.LlmId),
            request.AiCopilotLlms.Map(_ => fields.CopilotLlmIds),
            request.IsEnableMetricSuggestions.Map(_ => fields.IsEnableMetricSuggestions),
            // The validator makes isEnableMetricSummary part of any summary group that is given.
            request.IsEnableMetricSummary is not null ? Optional<MetricSummary?>.Given(fields.MetricSummary) : default,
            request.ThemeName.Map(_ => fields.ThemeId));

        var write = await workspaces.TryUpdateAsync(found.Workspace!.Id, changes, request.IfMatch?.Version, cancellationToken);
        return write.ToResult(name, updated => updated);
    }
}

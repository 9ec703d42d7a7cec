using System.Diagnostics.Metrics;
using Databrain.Application.Common.Behaviors;
using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.History;
using Databrain.Application.Workspaces.Ports;
using Databrain.Application.Workspaces.Rules;
using Databrain.Domain.Workspaces;
using MediatR;

namespace Databrain.Application.Workspaces.CreateWorkspace;

/// <summary>
/// The body of POST /api/v2/workspace. Properties mirror the JSON body one to one (camelCase on the wire) and are
/// all nullable: presence and shape are the validator's business, so that every problem is reported with its
/// field. A JSON null means the same as leaving the field out.
/// </summary>
public record CreateWorkspaceRequest : IWorkspaceFields
{
    public string? Name { get; init; }

    public string? ConnectionType { get; init; }

    public string? DatasourceName { get; init; }

    public string? DatamartName { get; init; }

    public string? LlmName { get; init; }

    public IReadOnlyList<string?>? AiCopilotLlms { get; init; }

    public bool? IsEnableMetricSuggestions { get; init; }

    public bool? IsEnableMetricSummary { get; init; }

    public string? SummaryType { get; init; }

    public string? CustomSummaryPrompt { get; init; }

    public string? ThemeName { get; init; }

    /// <summary>Without values: frameworks log arguments at Debug level, and request bodies must never reach the logs.</summary>
    public sealed override string ToString() => GetType().Name;
}

/// <summary>POST /api/v2/workspace: the body, and beside it the <c>Idempotency-Key</c> header (null without one).</summary>
[Answers(Errors.WorkspaceNameAlreadyExistsCode, Errors.InvalidDatasourceNameCode, Errors.InvalidDatamartNameCode, Errors.InvalidLlmNameCode, Errors.InvalidAiCopilotLlmsCode, Errors.InvalidThemeNameCode)]
public sealed record CreateWorkspaceCommand : CreateWorkspaceRequest, IRequest<Result<CreatedWorkspace>>, IIdempotent, IWriteRequest
{
    public CreateWorkspaceCommand(CreateWorkspaceRequest body, IdempotencyKey? idempotencyKey)
        : base(body)
    {
        IdempotencyKey = idempotencyKey;
    }

    public IdempotencyKey? IdempotencyKey { get; }
}

/// <summary>The answer to a successful create: the name as stored, and the new workspace's first version (its ETag, not in the body).</summary>
public sealed record CreatedWorkspace(string Name, WorkspaceVersion? Created) : IVersioned
{
    string? IVersioned.EntityTag => Created is null ? null : WorkspaceTags.Of(Created.WorkspaceId, Created.Version);
}

/// <summary>The field rules of docs/api.md ("POST /api/v2/workspace"), as every workspace body has them.</summary>
public sealed class CreateWorkspaceValidator : WorkspaceFieldRules<CreateWorkspaceCommand>;

/// <summary>
/// Resolves the name check and every reference in one lookup, answers the first failure in the contract's
/// order (name taken, then the shared reference checks), then writes in one transaction.
/// </summary>
public sealed class CreateWorkspaceHandler(
    CallerContext caller,
    IWorkspaceReferenceLookup lookup,
    IWorkspaceRepository workspaces,
    ChangeLog changeLog)
    : IRequestHandler<CreateWorkspaceCommand, Result<CreatedWorkspace>>
{
    public async Task<Result<CreatedWorkspace>> Handle(CreateWorkspaceCommand request, CancellationToken cancellationToken)
    {
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
        if (!await workspaces.TryAddAsync(workspace, cancellationToken))
        {
            return Errors.WorkspaceNameAlreadyExists(name);
        }

        changeLog.Add(new WorkspaceChange(workspace.PublicId, workspace.Name, WorkspaceChange.Create, Workspace.FirstVersion, WorkspaceChangedFields.OfCreate(request)));
        return new CreatedWorkspace(workspace.Name, new WorkspaceVersion(workspace.PublicId, Workspace.FirstVersion));
    }
}

/// <summary>
/// Counts creates: <c>databrain.workspaces.created</c> by connection type, <c>databrain.workspaces.rejected</c>
/// by error code. A behavior, not the handler, so that rejections by authentication and validation count too.
/// </summary>
public sealed class CreateWorkspaceMetrics : IPipelineBehavior<CreateWorkspaceCommand, Result<CreatedWorkspace>>
{
    private readonly Counter<long> _created;
    private readonly Counter<long> _rejected;

    public CreateWorkspaceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(ApplicationTelemetry.MeterName);
        _created = meter.CreateCounter<long>("databrain.workspaces.created", "{workspace}", "Workspaces created, by connection type");
        _rejected = meter.CreateCounter<long>("databrain.workspaces.rejected", "{request}", "Create requests answered with an error, by error code");
    }

    public async Task<Result<CreatedWorkspace>> Handle(CreateWorkspaceCommand request, CancellationToken cancellationToken, RequestHandlerDelegate<Result<CreatedWorkspace>> next)
    {
        var result = await next();
        if (result.IsReplayed)
        {
            return result; // counted when it was first answered
        }

        if (result.IsSuccess)
        {
            _created.Add(1, new KeyValuePair<string, object?>("connection_type", request.ConnectionType));
        }
        else
        {
            _rejected.Add(1, new KeyValuePair<string, object?>("error_code", result.Error.Code));
        }

        return result;
    }
}

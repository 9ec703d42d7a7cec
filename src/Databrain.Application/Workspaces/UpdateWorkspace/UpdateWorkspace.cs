using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.History;
using Databrain.Application.Workspaces.Ports;
using Databrain.Application.Workspaces.Rules;
using Databrain.Domain.Common;
using Databrain.Domain.Workspaces;
using FluentValidation;
using MediatR;

namespace Databrain.Application.Workspaces.UpdateWorkspace;

/// <summary>
/// The body of PUT /api/v2/workspace (docs/api.md, "PUT /api/v2/workspace"). It has create's fields; <see cref="Name"/> names the
/// workspace (no rename) and the connection is replaced whole. <see cref="LlmName"/>, <see cref="AiCopilotLlms"/>,
/// <see cref="IsEnableMetricSuggestions"/> and <see cref="ThemeName"/> are <see cref="Optional{T}"/>: left
/// out keeps the stored value, null clears it. The three summary fields change as a group: all left out (or
/// null) keeps them.
/// </summary>
public record UpdateWorkspaceRequest : IWorkspaceFields
{
    public string? Name { get; init; }

    public string? ConnectionType { get; init; }

    public string? DatasourceName { get; init; }

    public string? DatamartName { get; init; }

    public Optional<string?> LlmName { get; init; }

    public Optional<IReadOnlyList<string?>?> AiCopilotLlms { get; init; }

    public Optional<bool?> IsEnableMetricSuggestions { get; init; }

    public bool? IsEnableMetricSummary { get; init; }

    public string? SummaryType { get; init; }

    public string? CustomSummaryPrompt { get; init; }

    public Optional<string?> ThemeName { get; init; }

    string? IWorkspaceFields.LlmName => LlmName.Value;

    IReadOnlyList<string?>? IWorkspaceFields.AiCopilotLlms => AiCopilotLlms.Value;

    bool? IWorkspaceFields.IsEnableMetricSuggestions => IsEnableMetricSuggestions.Value;

    string? IWorkspaceFields.ThemeName => ThemeName.Value;

    /// <summary>Without values: frameworks log arguments at Debug level, and request bodies must never reach the logs.</summary>
    public sealed override string ToString() => GetType().Name;
}

/// <summary>
/// PUT /api/v2/workspace: the body, and beside it the headers: <c>If-Match</c> (null without one: an unconditional
/// update) and <c>Idempotency-Key</c> (null without one).
/// </summary>
[Answers(Errors.WorkspaceDoesNotExistCode, Errors.WorkspaceVersionMismatchCode, Errors.InvalidDatasourceNameCode, Errors.InvalidDatamartNameCode, Errors.InvalidLlmNameCode, Errors.InvalidAiCopilotLlmsCode, Errors.InvalidThemeNameCode)]
public sealed record UpdateWorkspaceCommand : UpdateWorkspaceRequest, IRequest<Result<WorkspaceDetails>>, IIdempotent, IWriteRequest
{
    public UpdateWorkspaceCommand(UpdateWorkspaceRequest body, ExpectedVersion? ifMatch, IdempotencyKey? idempotencyKey)
        : base(body)
    {
        IfMatch = ifMatch;
        IdempotencyKey = idempotencyKey;
    }

    public ExpectedVersion? IfMatch { get; }

    public IdempotencyKey? IdempotencyKey { get; }
}

/// <summary>The field rules every workspace body has, plus update's own: the summary group names its switch.</summary>
public sealed class UpdateWorkspaceValidator : WorkspaceFieldRules<UpdateWorkspaceCommand>
{
    public UpdateWorkspaceValidator()
    {
        RuleFor(c => c.IsEnableMetricSummary)
            .NotNull().When(c => c.SummaryType is not null || c.CustomSummaryPrompt is not null)
            .WithMessage($"is required when {WorkspaceFields.SummaryType} or {WorkspaceFields.CustomSummaryPrompt} is given: the summary settings change together");
    }

    protected override bool SummaryGroupIsJudged(UpdateWorkspaceCommand request) => request.IsEnableMetricSummary is not null;
}

/// <summary>
/// Reads the workspace and every reference in one look-up, answers the first failure in the contract's order
/// (no such workspace, If-Match, then the shared reference checks), then writes in one command whose own
/// version check makes check and write atomic, and which answers the workspace as stored.
/// </summary>
public sealed class UpdateWorkspaceHandler(
    CallerContext caller,
    IWorkspaceReferenceLookup lookup,
    IWorkspaceRepository workspaces,
    ChangeLog changeLog)
    : IRequestHandler<UpdateWorkspaceCommand, Result<WorkspaceDetails>>
{
    public async Task<Result<WorkspaceDetails>> Handle(UpdateWorkspaceCommand request, CancellationToken cancellationToken)
    {
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
        return write.ToResult(name, update =>
        {
            var after = update.After;
            changeLog.Add(new WorkspaceChange(after.Id, after.Name, WorkspaceChange.Update, after.Version, WorkspaceChangedFields.Between(update.Before, after)));
            return after;
        });
    }
}

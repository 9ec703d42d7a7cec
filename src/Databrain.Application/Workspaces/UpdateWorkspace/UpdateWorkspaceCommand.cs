using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Results;
using Databrain.Application.Workspaces.GetWorkspace;
using Databrain.Application.Workspaces.Rules;
using Databrain.Domain.Common;
using MediatR;

namespace Databrain.Application.Workspaces.UpdateWorkspace;

/// <summary>
/// PUT /api/v2/workspace (contract, section 4c). The body has create's fields; <see cref="Name"/> names the
/// workspace (no rename) and the connection is replaced whole. <see cref="LlmName"/>, <see cref="AiCopilotLlms"/>,
/// <see cref="IsEnableMetricSuggestions"/> and <see cref="ThemeName"/> are <see cref="Optional{T}"/>: left
/// out keeps the stored value, null clears it. The three summary fields change as a group: all left out (or
/// null) keeps them.
/// </summary>
public sealed record UpdateWorkspaceCommand : IRequest<Result<WorkspaceDetails>>, IIdempotent, IWorkspaceFields
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

    /// <summary>From the <c>If-Match</c> header, not the body; null without the header (an unconditional update).</summary>
    public ExpectedVersion? IfMatch { get; init; }

    /// <summary>From the <c>Idempotency-Key</c> header, not the body; null without one.</summary>
    public IdempotencyKey? IdempotencyKey { get; init; }

    string? IWorkspaceFields.LlmName => LlmName.Value;

    IReadOnlyList<string?>? IWorkspaceFields.AiCopilotLlms => AiCopilotLlms.Value;

    bool? IWorkspaceFields.IsEnableMetricSuggestions => IsEnableMetricSuggestions.Value;

    string? IWorkspaceFields.ThemeName => ThemeName.Value;

    /// <summary>Without values: frameworks log arguments at Debug level, and request bodies must never reach the logs.</summary>
    public override string ToString() => nameof(UpdateWorkspaceCommand);
}

using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Results;
using Databrain.Application.Workspaces.Rules;
using Databrain.Domain.Workspaces;
using MediatR;

namespace Databrain.Application.Workspaces.CreateWorkspace;

/// <summary>
/// POST /api/v2/workspace. Properties mirror the JSON body one to one (camelCase on the wire) and are all
/// nullable: presence and shape are the validator's business, so that every problem is reported with its field.
/// A JSON null means the same as leaving the field out.
/// </summary>
public sealed record CreateWorkspaceCommand : IRequest<Result<CreatedWorkspace>>, IIdempotent, IWorkspaceFields
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

    /// <summary>From the <c>Idempotency-Key</c> header, not the body; null without one.</summary>
    public IdempotencyKey? IdempotencyKey { get; init; }

    /// <summary>Without values: frameworks log arguments at Debug level, and request bodies must never reach the logs.</summary>
    public override string ToString() => nameof(CreateWorkspaceCommand);
}

/// <summary>The answer to a successful create: the name as stored; its version (the ETag) is the first.</summary>
public sealed record CreatedWorkspace(string Name) : IVersioned
{
    long IVersioned.Version => Workspace.FirstVersion;
}

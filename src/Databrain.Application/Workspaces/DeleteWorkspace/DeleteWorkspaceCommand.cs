using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Results;
using Databrain.Application.Workspaces.Rules;
using MediatR;

namespace Databrain.Application.Workspaces.DeleteWorkspace;

/// <summary>
/// DELETE /api/v2/workspace?name=…: remove a workspace of the caller's organization, with its Copilot LLM links;
/// with <see cref="IfMatch"/> (the <c>If-Match</c> header) only while it has that version.
/// </summary>
public sealed record DeleteWorkspaceCommand(string? Name, ExpectedVersion? IfMatch = null) : IRequest<Result<DeletedWorkspace>>, IIdempotent
{
    /// <summary>From the <c>Idempotency-Key</c> header; null without one.</summary>
    public IdempotencyKey? IdempotencyKey { get; init; }
}

/// <summary>The answer to a delete; <see cref="Id"/> is the workspace's id as a string.</summary>
public sealed record DeletedWorkspace(string Id, string Name, string Message);

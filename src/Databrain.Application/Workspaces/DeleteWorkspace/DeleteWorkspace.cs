using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Common.Validation;
using Databrain.Application.History;
using Databrain.Application.Workspaces.Ports;
using Databrain.Application.Workspaces.Rules;
using FluentValidation;
using MediatR;

namespace Databrain.Application.Workspaces.DeleteWorkspace;

/// <summary>
/// DELETE /api/v2/workspace?name=…: remove a workspace of the caller's organization, with its Copilot LLM links;
/// with <see cref="IfMatch"/> (the <c>If-Match</c> header) only while it has that version. <see cref="IdempotencyKey"/>
/// is the <c>Idempotency-Key</c> header; null without one.
/// </summary>
[Answers(Errors.WorkspaceDoesNotExistCode, Errors.WorkspaceVersionMismatchCode)]
public sealed record DeleteWorkspaceCommand(string? Name, ExpectedVersion? IfMatch = null, IdempotencyKey? IdempotencyKey = null)
    : IRequest<Result<DeletedWorkspace>>, IIdempotent, IWriteRequest;

/// <summary>The answer to a delete; <see cref="Id"/> is the workspace's public id.</summary>
public sealed record DeletedWorkspace(string Id, string Name, string Message);

public sealed class DeleteWorkspaceValidator : AbstractValidator<DeleteWorkspaceCommand>
{
    public DeleteWorkspaceValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Name).NotNull().WithMessage(RuleMessages.IsRequired).FollowsNameRule();
    }
}

public sealed class DeleteWorkspaceHandler(CallerContext caller, IWorkspaceRepository workspaces, ChangeLog changeLog)
    : IRequestHandler<DeleteWorkspaceCommand, Result<DeletedWorkspace>>
{
    public const string Deleted = "Workspace deleted successfully";

    public async Task<Result<DeletedWorkspace>> Handle(DeleteWorkspaceCommand request, CancellationToken cancellationToken)
    {
        var name = request.Name!;
        var write = await workspaces.TryDeleteAsync(caller.RequiredOrganizationId, name, request.IfMatch?.Version, cancellationToken);
        return write.ToResult(name, deleted =>
        {
            changeLog.Add(new WorkspaceChange(deleted.WorkspaceId, name, WorkspaceChange.Delete, deleted.Version, []));
            return new DeletedWorkspace(deleted.WorkspaceId, name, Deleted);
        });
    }
}

using Databrain.Application.Common.Results;
using MediatR;

namespace Databrain.Application.Workspaces.ListWorkspaces;

/// <summary>
/// For a whole list, right after authorization and before anything else: a slot of <see cref="WholeListSlots"/>,
/// or 429 with <c>Retry-After</c> when none frees within the bounded wait. Scoped, and disposed with the request's
/// scope: the slot is held until the whole answer has been written to the client, not only until it was read.
/// </summary>
public sealed class WholeListBound(WholeListSlots slots)
    : IPipelineBehavior<ListWorkspacesQuery, Result<WorkspaceList>>, IDisposable
{
    private bool _holding;

    public async Task<Result<WorkspaceList>> Handle(
        ListWorkspacesQuery request, CancellationToken cancellationToken, RequestHandlerDelegate<Result<WorkspaceList>> next)
    {
        if (request.IsPagination == "true")
        {
            return await next();
        }

        if (!await slots.TryTakeAsync(cancellationToken))
        {
            slots.CountLimited();
            return Errors.TooManyRequests(slots.RetryAfterSeconds);
        }

        _holding = true;
        return await next();
    }

    public void Dispose()
    {
        if (_holding)
        {
            _holding = false;
            slots.Return();
        }
    }
}

using System.Diagnostics.Metrics;
using Databrain.Application.Common.Behaviors;
using Databrain.Application.Common.Results;
using MediatR;

namespace Databrain.Application.Workspaces.ListWorkspaces;

/// <summary>The bound on whole lists (<c>Lists</c>; its range: the host's settings check).</summary>
public sealed class ListOptions
{
    public const string Section = "Lists";

    /// <summary>Whole lists (no <c>isPagination=true</c>) an instance serves at once; pages are not bounded this way.</summary>
    public int WholeListsAtOnce { get; init; } = 4;

    /// <summary>How long a whole list may wait for one of those to end; then 429.</summary>
    public int WholeListWaitMilliseconds { get; init; } = 1000;
}

/// <summary>
/// The instance's slots for whole lists (docs/api.md, "GET /api/v2/workspace"). A whole list of a large
/// organization is megabytes, and a slow client holds its request for as long as it reads: without a bound, a few
/// hundred of them took the memory and the processor from everything else.
/// </summary>
public sealed class WholeListSlots : IDisposable
{
    public const string Reason = "whole_lists";

    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _wait;
    private readonly Counter<long> _limited;

    public WholeListSlots(ListOptions options, IMeterFactory meters)
    {
        _slots = new SemaphoreSlim(options.WholeListsAtOnce, options.WholeListsAtOnce);
        _wait = TimeSpan.FromMilliseconds(options.WholeListWaitMilliseconds);
        RetryAfterSeconds = Math.Max(1, (int)Math.Ceiling(_wait.TotalSeconds));
        _limited = meters.Create(ApplicationTelemetry.MeterName)
            .CreateCounter<long>("databrain.requests.rate_limited", "{request}", "Requests answered 429 TOO_MANY_REQUESTS, by reason");
    }

    /// <summary>What a refused request is told to wait: the bounded wait, in whole seconds.</summary>
    public int RetryAfterSeconds { get; }

    /// <summary>Takes a slot, waiting at most the bounded wait for one.</summary>
    public Task<bool> TryTakeAsync(CancellationToken cancellationToken) => _slots.WaitAsync(_wait, cancellationToken);

    public void Return() => _slots.Release();

    /// <summary>Counts a whole list answered 429.</summary>
    public void CountLimited() => _limited.Add(1, new KeyValuePair<string, object?>("reason", Reason));

    public void Dispose() => _slots.Dispose();
}

/// <summary>
/// For a whole list, right after authorization and before anything else: a slot of <see cref="WholeListSlots"/>,
/// or 429 with <c>Retry-After</c> when none frees within the bounded wait. Scoped, and disposed with the request's
/// scope: the slot is held until the whole answer has been written to the client, not only until it was read.
/// </summary>
public sealed class WholeListBound(WholeListSlots slots)
    : IPipelineBehavior<ListWorkspacesQuery, Result<IAsyncEnumerable<WorkspaceListItem>>>, IDisposable
{
    private bool _holding;

    public async Task<Result<IAsyncEnumerable<WorkspaceListItem>>> Handle(
        ListWorkspacesQuery request, CancellationToken cancellationToken, RequestHandlerDelegate<Result<IAsyncEnumerable<WorkspaceListItem>>> next)
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

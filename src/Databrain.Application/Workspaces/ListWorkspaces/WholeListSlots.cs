using System.Diagnostics.Metrics;
using Databrain.Application.Common.Behaviors;

namespace Databrain.Application.Workspaces.ListWorkspaces;

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

using System.Diagnostics.Metrics;
using Databrain.Application.Common.Behaviors;

namespace Databrain.Application.Common.Idempotency;

/// <summary>
/// The bound on new keys an organization may store (docs/api.md, "Retry-safe writes: Idempotency-Key"): a token
/// bucket per organization of <see cref="IdempotencyOptions.NewKeysPerSecond"/> with room for
/// <see cref="IdempotencyOptions.NewKeysBurst"/>, kept by each instance in its memory (no database command). A
/// request takes a token before it runs and gives it back when it stored nothing (a replay, a key in use, a field
/// rule failure), so a replay never counts against the bound.
/// </summary>
public sealed class NewKeyBudget
{
    public const string Reason = "idempotency_keys";

    private readonly IdempotencyOptions _options;
    private readonly TimeProvider _time;
    private readonly Counter<long> _limited;
    private readonly Dictionary<long, (double Tokens, DateTimeOffset Filled)> _buckets = [];
    private readonly Lock _gate = new();

    public NewKeyBudget(IdempotencyOptions options, TimeProvider time, IMeterFactory meters)
    {
        _options = options;
        _time = time;
        _limited = meters.Create(ApplicationTelemetry.MeterName)
            .CreateCounter<long>("databrain.requests.rate_limited", "{request}", "Requests answered 429 TOO_MANY_REQUESTS, by reason");
    }

    /// <summary>Takes a token for a new key of the organization; when there is none, how long until there is one.</summary>
    public bool TryTake(long organizationId, out TimeSpan wait)
    {
        lock (_gate)
        {
            var tokens = Refilled(organizationId);
            if (tokens >= 1)
            {
                _buckets[organizationId] = (tokens - 1, _time.GetUtcNow());
                wait = TimeSpan.Zero;
                return true;
            }

            wait = TimeSpan.FromSeconds((1 - tokens) / _options.NewKeysPerSecond);
            return false;
        }
    }

    /// <summary>Counts a new key answered 429 (a request over the bound that replays is not one).</summary>
    public void CountLimited() => _limited.Add(1, new KeyValuePair<string, object?>("reason", Reason));

    /// <summary>Gives back the token of a request that stored no key.</summary>
    public void Return(long organizationId)
    {
        lock (_gate)
        {
            _buckets[organizationId] = (Math.Min(_options.NewKeysBurst, Refilled(organizationId) + 1), _time.GetUtcNow());
        }
    }

    private double Refilled(long organizationId)
    {
        var now = _time.GetUtcNow();
        return _buckets.TryGetValue(organizationId, out var bucket)
            ? Math.Min(_options.NewKeysBurst, bucket.Tokens + ((now - bucket.Filled).TotalSeconds * _options.NewKeysPerSecond))
            : _options.NewKeysBurst;
    }
}

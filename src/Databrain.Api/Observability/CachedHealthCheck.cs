using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Databrain.Api.Observability;

/// <summary>
/// Answers a check's last result for <c>Health:ReadyCacheSeconds</c>, so that a flood of unauthenticated
/// <c>/health/ready</c> calls reaches the database at most once per that time. Concurrent callers share one
/// check in flight. Zero turns the cache off.
/// </summary>
public sealed class CachedHealthCheck(IHealthCheck inner, TimeSpan lifetime, TimeProvider time) : IHealthCheck
{
    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _last;
    private long _lastStarted;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return inner.CheckHealthAsync(context, cancellationToken);
        }

        lock (_gate)
        {
            if (_last is null || time.GetElapsedTime(_lastStarted) >= lifetime)
            {
                // Not the caller's token: the result serves other callers too, after this one has gone.
                _last = inner.CheckHealthAsync(context, CancellationToken.None);
                _lastStarted = time.GetTimestamp();
            }

            return _last.WaitAsync(cancellationToken);
        }
    }
}

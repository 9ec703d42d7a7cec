using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Databrain.Application.Common.Behaviors;
using Microsoft.Extensions.Options;

namespace Databrain.Api.RateLimiting;

/// <summary>The per-organization limiter (for the process's lifetime, null when that limit is off) and the 429 counter.</summary>
public sealed class RateLimiters : IDisposable
{
    public const string FailedAuthentication = "failed_authentication";

    private readonly Counter<long> _limited;

    public RateLimiters(IOptions<RateLimitOptions> options, IMeterFactory meters)
    {
        var organization = options.Value.Organization;
        if (organization.Enabled)
        {
            Organizations = PartitionedRateLimiter.Create<long, long>(id => RateLimitPartition.GetTokenBucketLimiter(id, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = organization.Burst,
                TokensPerPeriod = organization.RequestsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            }));
        }

        _limited = meters.Create(ApplicationTelemetry.MeterName)
            .CreateCounter<long>("databrain.requests.rate_limited", "{request}", "Requests answered 429 TOO_MANY_REQUESTS, by reason");
    }

    /// <summary>Per organization, counting requests.</summary>
    public PartitionedRateLimiter<long>? Organizations { get; }

    /// <summary>Whole seconds for <c>Retry-After</c>: at least 1, rounded up.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>Counts one 429 under its reason.</summary>
    public void Count(string reason) => _limited.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => Organizations?.Dispose();
}

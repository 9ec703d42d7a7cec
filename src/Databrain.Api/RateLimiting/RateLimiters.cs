using System.Diagnostics.Metrics;
using System.Net;
using System.Threading.RateLimiting;
using Databrain.Application.Common.Telemetry;
using Microsoft.Extensions.Options;

namespace Databrain.Api.RateLimiting;

/// <summary>The service's limiters (one each, for the process's lifetime), built from <see cref="RateLimitOptions"/>; null where a limit is off.</summary>
public sealed class RateLimiters : IDisposable
{
    public RateLimiters(IOptions<RateLimitOptions> options, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        var failed = options.Value.FailedAuthentication;
        if (failed.Enabled)
        {
            FailedAuthentications = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = failed.PermitLimit,
                Window = TimeSpan.FromSeconds(failed.WindowSeconds),
                QueueLimit = 0,
            }));
        }

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

        Limited = meters.Create(ApplicationTelemetry.MeterName)
            .CreateCounter<long>("databrain.requests.rate_limited", "{request}", "Requests answered 429 TOO_MANY_REQUESTS, by reason");
    }

    /// <summary>Per client address, counting failed authentications.</summary>
    public PartitionedRateLimiter<IPAddress>? FailedAuthentications { get; }

    /// <summary>Per organization, counting requests.</summary>
    public PartitionedRateLimiter<long>? Organizations { get; }

    public Counter<long> Limited { get; }

    public void Dispose()
    {
        FailedAuthentications?.Dispose();
        Organizations?.Dispose();
    }
}

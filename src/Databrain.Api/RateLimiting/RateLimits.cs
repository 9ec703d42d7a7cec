using System.Diagnostics.Metrics;
using System.Net;
using System.Threading.RateLimiting;
using Databrain.Api.Http;
using Databrain.Application.Common.Behaviors;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Databrain.Api.RateLimiting;

/// <summary>Registration of the rate limits and, for them, of the client address behind trusted proxies.</summary>
public static class RateLimitSetup
{
    public static IServiceCollection AddDatabrainRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        // Ranges and addresses are checked before the service is built: Configuration/SettingsCheck.
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<RateLimiters>();
        services.AddSingleton<FailedAuthenticationLocks>();
        services.AddSingleton<IAuthenticationFailures, AuthenticationFailures>();
        return services;
    }

    /// <summary>
    /// With trusted proxies configured, the client address is the last one they add to <c>X-Forwarded-For</c>
    /// (the platform's forwarded-headers support); otherwise the header is ignored. Then the limits.
    /// </summary>
    public static WebApplication UseDatabrainRateLimits(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.TrustedProxies;
        if (proxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.UseMiddleware<RateLimitMiddleware>();
        return app;
    }
}

/// <summary>The rate limits of docs/api.md, "Rate limits", under <c>RateLimits</c>; their ranges are checked by Configuration/SettingsCheck.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public FailedAuthenticationLimit FailedAuthentication { get; init; } = new();

    public OrganizationLimit Organization { get; init; } = new();

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c> names the client. Empty (the default): the
    /// client is the connection's address, and the header is ignored, since any client could send it.
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>
    /// Per client address group (<see cref="ClientAddress"/>): after <see cref="PermitLimit"/> failed authentications within the
    /// window, counted across instances in the database, every further request gets 429.
    /// </summary>
    public sealed class FailedAuthenticationLimit
    {
        public bool Enabled { get; init; } = true;

        public int PermitLimit { get; init; } = 20;

        public int WindowSeconds { get; init; } = 10;
    }

    /// <summary>
    /// Per organization, off by default: a token bucket of <see cref="RequestsPerSecond"/> with room for a <see cref="Burst"/>,
    /// kept by each instance for itself (docs/operations.md): with N instances an organization may reach N times it.
    /// </summary>
    public sealed class OrganizationLimit
    {
        public bool Enabled { get; init; }

        public int RequestsPerSecond { get; init; } = 100;

        public int Burst { get; init; } = 200;
    }
}

/// <summary>
/// The rate limits of docs/api.md, "Rate limits", before anything else reads the request:
/// <list type="bullet">
/// <item>failed authentication, per client address group: a group that this instance knows to be over the limit
/// (<see cref="FailedAuthenticationLocks"/>) gets 429 without reaching the database, until its window ends; the
/// failures themselves are counted by <see cref="AuthenticationFailures"/>, where every instance sees them;</item>
/// <item>per organization (off by default): a token bucket, keyed by the organization that the bearer token
/// belongs to (the request's one token look-up, <see cref="CallerContext.FindTokenAsync"/>, which authorization
/// then reuses).</item>
/// </list>
/// Every 429 is the envelope with <c>Retry-After</c>, and is counted by reason.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, RateLimiters limiters, FailedAuthenticationLocks locks, IOptions<RateLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context, CallerContext caller)
    {
        if (options.Value.FailedAuthentication.Enabled && locks.IsLocked(ClientAddress.GroupOf(context.Connection.RemoteIpAddress), out var remaining))
        {
            await RejectAsync(context, RateLimiters.Seconds(remaining), RateLimiters.FailedAuthentication);
            return;
        }

        if (limiters.Organizations is { } organizations && await caller.FindTokenAsync(context.RequestAborted) is { } token)
        {
            using var lease = organizations.AttemptAcquire(token.OrganizationId);
            if (!lease.IsAcquired)
            {
                var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                await RejectAsync(context, RateLimiters.Seconds(wait), "organization");
                return;
            }
        }

        await next(context);
    }

    private Task RejectAsync(HttpContext context, int retryAfter, string reason)
    {
        limiters.Count(reason);
        return ApiResponses.WriteAsync(context, Errors.TooManyRequests(retryAfter));
    }
}

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

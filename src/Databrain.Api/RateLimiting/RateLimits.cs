using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Databrain.Api.Http;
using Databrain.Application.Common.Behaviors;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Databrain.Api.RateLimiting;

/// <summary>Registration of the rate limits and, for them, of the client address behind trusted proxies.</summary>
public static class RateLimitSetup
{
    public static IServiceCollection AddDatabrainRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        // Ranges and addresses are checked before the service is built: Configuration/SettingsCheck.
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<RateLimiters>();
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

    /// <summary>Per client address: after <see cref="PermitLimit"/> failed authentications within the window, every request gets 429.</summary>
    public sealed class FailedAuthenticationLimit
    {
        public bool Enabled { get; init; } = true;

        public int PermitLimit { get; init; } = 20;

        public int WindowSeconds { get; init; } = 10;
    }

    /// <summary>Per organization, off by default: a token bucket of <see cref="RequestsPerSecond"/> with room for a <see cref="Burst"/>.</summary>
    public sealed class OrganizationLimit
    {
        public bool Enabled { get; init; }

        public int RequestsPerSecond { get; init; } = 100;

        public int Burst { get; init; } = 200;
    }
}

/// <summary>
/// The rate limits of docs/api.md, "Rate limits", with the platform's limiters (System.Threading.RateLimiting), before
/// anything else reads the request:
/// <list type="bullet">
/// <item>failed authentication, per client address: a fixed window that counts the 401 answers; once it is
/// full, every request from that address gets 429 without reaching the database, until the window ends;</item>
/// <item>per organization (off by default): a token bucket, keyed by the organization that the bearer token
/// belongs to (the cached token look-up, so no database round trip for a known token).</item>
/// </list>
/// Every 429 is the envelope with <c>Retry-After</c>, and is counted by reason.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, RateLimiters limiters)
{
    public async Task InvokeAsync(HttpContext context, CallerContext caller, IServiceTokenLookup tokens)
    {
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (limiters.FailedAuthentications is { } failed)
        {
            // Zero permits: asks whether the window still has room, without using any of it.
            using var room = failed.AttemptAcquire(address, 0);
            if (!room.IsAcquired)
            {
                await RejectAsync(context, room, "failed_authentication");
                return;
            }
        }

        if (limiters.Organizations is { } organizations && !string.IsNullOrEmpty(caller.BearerToken)
            && await tokens.FindAsync(ServiceTokenHash.Of(caller.BearerToken), context.RequestAborted) is { } token)
        {
            using var lease = organizations.AttemptAcquire(token.OrganizationId);
            if (!lease.IsAcquired)
            {
                await RejectAsync(context, lease, "organization");
                return;
            }
        }

        await next(context);

        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            limiters.FailedAuthentications?.AttemptAcquire(address).Dispose();
        }
    }

    private Task RejectAsync(HttpContext context, RateLimitLease lease, string reason)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        limiters.Limited.Add(1, new KeyValuePair<string, object?>("reason", reason));
        context.Response.Headers[HeaderNames.RetryAfter] = retryAfter.ToString(CultureInfo.InvariantCulture);
        return ApiResponses.WriteAsync(context, Errors.TooManyRequests(retryAfter));
    }
}

/// <summary>The service's limiters (one each, for the process's lifetime), built from <see cref="RateLimitOptions"/>; null where a limit is off.</summary>
public sealed class RateLimiters : IDisposable
{
    public RateLimiters(IOptions<RateLimitOptions> options, IMeterFactory meters)
    {
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

using System.Net;
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
        return services;
    }

    /// <summary>
    /// With trusted proxies configured, the client address is the last one they add to <c>X-Forwarded-For</c>
    /// (the platform's forwarded-headers support); otherwise the header is ignored. Then the limits.
    /// </summary>
    public static WebApplication UseDatabrainRateLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
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

/// <summary>The rate limits of contract section 8, under <c>RateLimits</c>; their ranges are checked by Configuration/SettingsCheck.</summary>
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

using System.Net;
using Databrain.Application.Common.Ports;
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

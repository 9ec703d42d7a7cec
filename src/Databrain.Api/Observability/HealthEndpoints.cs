using Databrain.Api.Http;
using Databrain.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Databrain.Api.Observability;

/// <summary>
/// <c>/health/live</c>: the process answers (no check runs). <c>/health/ready</c>: the database answers and its
/// schema is current, and the instance is not stopping (<see cref="Hosting.GracefulStop"/>). JSON bodies; 200 when
/// healthy, 503 otherwise.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    /// <summary>How long <c>/health/ready</c> answers its last result without asking the database again.</summary>
    public const string ReadyCacheSecondsKey = "Health:ReadyCacheSeconds";

    public static IServiceCollection AddDatabrainHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue(ReadyCacheSecondsKey, 2); // its range: Configuration/SettingsCheck
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new CachedHealthCheck(
            provider.GetRequiredService<DatabaseHealthCheck>(), TimeSpan.FromSeconds(seconds), provider.GetRequiredService<TimeProvider>()));
        services.AddHealthChecks()
            .Add(new HealthCheckRegistration("database", provider => provider.GetRequiredService<CachedHealthCheck>(), failureStatus: null, tags: [Ready]))
            .Add(new HealthCheckRegistration("stopping", provider => provider.GetRequiredService<Hosting.GracefulStop.Draining>(), failureStatus: null, tags: [Ready]));
        return services;
    }

    public static WebApplication MapDatabrainHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(
            new
            {
                status = report.Status.ToString(),
                version = ServiceVersion.Value,
                checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
            },
            ApiJson.Options,
            ApiJson.ContentType);
}

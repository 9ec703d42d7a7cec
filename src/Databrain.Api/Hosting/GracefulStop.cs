using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Databrain.Api.Hosting;

/// <summary>
/// How an instance stops on SIGTERM (docs/operations.md): first it reports not ready on <c>/health/ready</c> for
/// <c>Shutdown:DrainSeconds</c> while it still serves, so that a load balancer stops sending to it; then it stops
/// accepting connections and finishes the requests it holds, for up to <c>Shutdown:TimeoutSeconds</c>; then it exits 0.
/// </summary>
public static class GracefulStop
{
    public const string DrainSecondsKey = "Shutdown:DrainSeconds";
    public const string TimeoutSecondsKey = "Shutdown:TimeoutSeconds";

    public static IServiceCollection AddGracefulStop(this IServiceCollection services, IConfiguration configuration)
    {
        // Ranges: Configuration/SettingsCheck.
        var drain = TimeSpan.FromSeconds(configuration.GetValue(DrainSecondsKey, 5));
        var finish = TimeSpan.FromSeconds(configuration.GetValue(TimeoutSecondsKey, 30));

        // The host's shutdown time covers the drain as well as the requests in flight.
        services.Configure<HostOptions>(options => options.ShutdownTimeout = drain + finish);
        services.AddSingleton(new Draining(drain));
        services.AddHostedService(provider => provider.GetRequiredService<Draining>());
        return services;
    }

    /// <summary>The drain itself, before any hosted service stops (Kestrel among them), and the readiness it reports.</summary>
    public sealed class Draining(TimeSpan drain) : IHostedLifecycleService, IHealthCheck
    {
        private volatile bool _stopping;

        public async Task StoppingAsync(CancellationToken cancellationToken)
        {
            _stopping = true;
            await Task.Delay(drain, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(_stopping
                ? HealthCheckResult.Unhealthy("The instance is stopping: it serves what it receives until it stops, but takes no new traffic from a load balancer.")
                : HealthCheckResult.Healthy("The instance runs."));

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

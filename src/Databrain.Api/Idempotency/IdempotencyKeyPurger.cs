using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Databrain.Api.Idempotency;

/// <summary>Configuration of retry-safe writes (<c>Idempotency</c>; its range: Configuration/SettingsCheck) and the purge of expired keys.</summary>
public static class IdempotencySetup
{
    public static IServiceCollection AddDatabrainIdempotency(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(IdempotencyOptions.Section).Get<IdempotencyOptions>() ?? new IdempotencyOptions();
        services.Replace(ServiceDescriptor.Singleton(options));
        services.AddHostedService<IdempotencyKeyPurger>();
        return services;
    }
}

/// <summary>
/// Deletes expired idempotency keys, in batches of <see cref="BatchSize"/> (each one short write transaction, so
/// that writers never wait long behind it), every <see cref="Interval"/>. Time comes from the registered
/// <see cref="TimeProvider"/>, so that tests move it instead of waiting.
/// </summary>
public sealed partial class IdempotencyKeyPurger(IServiceScopeFactory scopes, TimeProvider time, ILogger<IdempotencyKeyPurger> logger) : BackgroundService
{
    public const int BatchSize = 500;

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
                var purged = await PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    LogPurged(logger, purged);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed purge (the database away for a while) is retried at the next interval.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
            }
        }
    }

    /// <summary>Every key expired by now, batch after batch.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int purged;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            purged = await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>().PurgeExpiredAsync(time.GetUtcNow(), BatchSize, cancellationToken);
            total += purged;
        }
        while (purged == BatchSize);

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired idempotency keys")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired idempotency keys failed; it is tried again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

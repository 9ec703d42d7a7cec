using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Ports;

namespace Databrain.Api.Idempotency;

/// <summary>
/// Deletes expired idempotency keys every <see cref="IdempotencyOptions.PurgeIntervalSeconds"/>, in batches of
/// <see cref="IdempotencyOptions.PurgeBatchSize"/> found through the expiry index (each batch one short write
/// transaction), with a pause after each, so that writers never wait behind a purge; then gives the freed space
/// back the same way (SQLite). Time comes from the registered <see cref="TimeProvider"/>, so that tests move it
/// instead of waiting.
/// </summary>
public sealed partial class IdempotencyKeyPurger(IServiceScopeFactory scopes, IdempotencyOptions options, TimeProvider time, ILogger<IdempotencyKeyPurger> logger)
    : BackgroundService
{
    /// <summary>Pages given back per step (4 KiB each): about as long a write as a batch of keys.</summary>
    private const int PagesPerStep = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.PurgeIntervalSeconds), time, stoppingToken);
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

    /// <summary>Every key expired by now, batch after batch with a pause after each full one; then the space they held.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromMilliseconds(options.PurgePauseMilliseconds);
        var total = 0;
        while (true)
        {
            var purged = await WithStoreAsync(store => store.PurgeExpiredAsync(time.GetUtcNow(), options.PurgeBatchSize, cancellationToken));
            total += purged;
            if (purged < options.PurgeBatchSize)
            {
                break;
            }

            await Task.Delay(pause, time, cancellationToken);
        }

        // Until no page is free, or a step gives nothing back (a file whose incremental vacuum is off).
        for (var left = long.MaxValue; total > 0;)
        {
            var stillFree = await WithStoreAsync(store => store.ReclaimSpaceAsync(PagesPerStep, cancellationToken));
            if (stillFree == 0 || stillFree >= left)
            {
                break;
            }

            left = stillFree;
            await Task.Delay(pause, time, cancellationToken);
        }

        return total;
    }

    private async Task<T> WithStoreAsync<T>(Func<IIdempotencyStore, Task<T>> use)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IIdempotencyStore>());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired idempotency keys")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired idempotency keys failed; it is tried again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

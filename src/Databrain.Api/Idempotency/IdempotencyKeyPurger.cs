using Databrain.Api.Hosting;
using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Ports;

namespace Databrain.Api.Idempotency;

/// <summary>
/// Deletes expired idempotency keys every <see cref="IdempotencyOptions.PurgeIntervalSeconds"/>, in batches of
/// <see cref="IdempotencyOptions.PurgeBatchSize"/> found through the expiry index (each batch one short write
/// transaction), with a pause after each, so that writers never wait behind a purge; then gives the freed space
/// back the same way (SQLite).
/// </summary>
public sealed class IdempotencyKeyPurger(IServiceScopeFactory scopes, IdempotencyOptions options, TimeProvider time, ILogger<IdempotencyKeyPurger> logger)
    : PeriodicPurge(time, logger)
{
    /// <summary>Pages given back per step (4 KiB each): about as long a write as a batch of keys.</summary>
    private const int PagesPerStep = 500;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.PurgeIntervalSeconds);

    protected override string What => "expired idempotency keys";

    /// <summary>Every key expired by now, batch after batch with a pause after each full one; then the space they held.</summary>
    public override async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromMilliseconds(options.PurgePauseMilliseconds);
        var total = 0;
        while (true)
        {
            var purged = await WithStoreAsync(store => store.PurgeExpiredAsync(Time.GetUtcNow(), options.PurgeBatchSize, cancellationToken));
            total += purged;
            if (purged < options.PurgeBatchSize)
            {
                break;
            }

            await Task.Delay(pause, Time, cancellationToken);
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
            await Task.Delay(pause, Time, cancellationToken);
        }

        return total;
    }

    private async Task<T> WithStoreAsync<T>(Func<IIdempotencyStore, Task<T>> use)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IIdempotencyStore>());
    }
}

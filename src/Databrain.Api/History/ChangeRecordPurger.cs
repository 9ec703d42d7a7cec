using Databrain.Api.Hosting;
using Databrain.Application.History;
using Databrain.Application.History.Ports;

namespace Databrain.Api.History;

/// <summary>
/// Removes the change records older than <see cref="HistoryOptions.RetentionDays"/> every
/// <see cref="HistoryOptions.PurgeIntervalSeconds"/>, in batches of <see cref="HistoryOptions.PurgeBatchSize"/> (each
/// one short write), with a pause after each full one, so that writers never wait behind it. Each organization's
/// purge mark follows what was removed (a follower behind it gets 410).
/// </summary>
public sealed class ChangeRecordPurger(IServiceScopeFactory scopes, HistoryOptions options, TimeProvider time, ILogger<ChangeRecordPurger> logger)
    : PeriodicPurge(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.PurgeIntervalSeconds);

    protected override string What => "change records older than the retention";

    /// <summary>Every record older than the retention by now, batch after batch with a pause after each full one.</summary>
    public override async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow().AddDays(-options.RetentionDays);
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var purged = await scope.ServiceProvider.GetRequiredService<IChangeRecords>().PurgeAsync(cutoff, options.PurgeBatchSize, cancellationToken);
            total += purged;
            if (purged < options.PurgeBatchSize)
            {
                return total;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(options.PurgePauseMilliseconds), Time, cancellationToken);
        }
    }
}

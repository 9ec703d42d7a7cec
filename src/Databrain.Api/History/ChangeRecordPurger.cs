using Databrain.Application.History;
using Databrain.Application.History.Ports;

namespace Databrain.Api.History;

/// <summary>
/// Removes the change records older than <see cref="HistoryOptions.RetentionDays"/> every
/// <see cref="HistoryOptions.PurgeIntervalSeconds"/>, in batches of <see cref="HistoryOptions.PurgeBatchSize"/> (each
/// one short write), with a pause after each full one, so that writers never wait behind it. Each organization's
/// purge mark follows what was removed (a follower behind it gets 410). Time comes from the registered
/// <see cref="TimeProvider"/>, so that tests move it instead of waiting.
/// </summary>
public sealed partial class ChangeRecordPurger(IServiceScopeFactory scopes, HistoryOptions options, TimeProvider time, ILogger<ChangeRecordPurger> logger)
    : BackgroundService
{
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

    /// <summary>Every record older than the retention by now, batch after batch with a pause after each full one.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddDays(-options.RetentionDays);
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

            await Task.Delay(TimeSpan.FromMilliseconds(options.PurgePauseMilliseconds), time, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} change records older than the retention")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging old change records failed; it is tried again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

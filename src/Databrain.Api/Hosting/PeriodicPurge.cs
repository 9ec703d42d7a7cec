namespace Databrain.Api.Hosting;

/// <summary>
/// A purge that runs every <see cref="Interval"/> for as long as the instance runs (expired idempotency keys, old
/// change records). A failed run (the database away for a while) is logged and tried again at the next interval.
/// Time comes from the registered <see cref="TimeProvider"/>, so that tests move it instead of waiting.
/// </summary>
public abstract partial class PeriodicPurge(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The clock the purge and its pauses go by.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>How long between two runs.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What is purged, for the log ("expired idempotency keys").</summary>
    protected abstract string What { get; }

    /// <summary>One run: everything due by now; answers how many went.</summary>
    public abstract Task<int> PurgeAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, Time, stoppingToken);
                var purged = await PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    LogPurged(logger, purged, What);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed purge is retried at the next interval.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, What, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} {What}")]
    private static partial void LogPurged(ILogger logger, int count, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging {What} failed; it is tried again at the next interval")]
    private static partial void LogFailed(ILogger logger, string what, Exception exception);
}

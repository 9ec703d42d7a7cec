namespace Databrain.Application.History;

/// <summary>The <c>History</c> settings (docs/operations.md).</summary>
public sealed record HistoryOptions
{
    public const string Section = "History";

    /// <summary>How long a change record is kept.</summary>
    public int RetentionDays { get; init; } = 365;

    /// <summary>How often the records older than the retention are purged.</summary>
    public int PurgeIntervalSeconds { get; init; } = 300;

    /// <summary>Records removed per short write of the purge.</summary>
    public int PurgeBatchSize { get; init; } = 500;

    /// <summary>The pause after each full batch, so that writers never wait behind the purge.</summary>
    public int PurgePauseMilliseconds { get; init; } = 100;

    /// <summary>
    /// For tests only (0, off, by default): a pause after each record's sequence is taken, before the commit, to
    /// widen the window in which concurrent writers could commit out of sequence order.
    /// </summary>
    public int DelayAfterSequenceMilliseconds { get; init; }
}

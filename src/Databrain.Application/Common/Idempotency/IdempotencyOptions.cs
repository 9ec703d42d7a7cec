namespace Databrain.Application.Common.Idempotency;

/// <summary>How long an idempotency key is remembered (docs/api.md, "Retry-safe writes: Idempotency-Key"); the host binds and validates it.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>From the key's first use; then it is new again, and the service purges it.</summary>
    public int RetentionHours { get; init; } = 24;

    /// <summary>
    /// New keys an organization may store per second, per instance (<see cref="NewKeyBudget"/>): by default the
    /// per-organization request rate's default, so that a client that keys every write at that rate never meets it.
    /// </summary>
    public int NewKeysPerSecond { get; init; } = 100;

    /// <summary>New keys an organization may store at once, per instance: the per-organization burst's default.</summary>
    public int NewKeysBurst { get; init; } = 200;

    /// <summary>How often each instance purges expired keys.</summary>
    public int PurgeIntervalSeconds { get; init; } = 300;

    /// <summary>Keys deleted per purge batch: each batch is one short write transaction.</summary>
    public int PurgeBatchSize { get; init; } = 500;

    /// <summary>
    /// The pause after each purge batch (and each step that gives space back), so that the writers of every
    /// instance have the database in between: a purge of a million keys takes minutes and never stalls them.
    /// </summary>
    public int PurgePauseMilliseconds { get; init; } = 100;
}

using Databrain.Application.Common.Security;

namespace Databrain.Application.Common.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> of a write (docs/api.md, "Retry-safe writes: Idempotency-Key"), with the fingerprint of the request it came with
/// (method, path and query, its <c>If-Match</c> condition, and the body as JSON), which a retry must match. A
/// fingerprint carries its format version (<see cref="Version"/>, a prefix): one stored by an earlier release,
/// which had none and left out the condition, is matched by <see cref="EarlierFingerprint"/>, so that its retry
/// still replays.
/// </summary>
public sealed record IdempotencyKey(string Value, string Fingerprint, string EarlierFingerprint) : IHeaderValue
{
    /// <summary>The prefix of this release's fingerprints.</summary>
    public const string Version = "v2:";

    /// <summary>Whether a stored fingerprint is this request's, in the format it was stored in.</summary>
    public bool Matches(string storedFingerprint) =>
        storedFingerprint == (storedFingerprint.StartsWith(Version, StringComparison.Ordinal) ? Fingerprint : EarlierFingerprint);

    /// <summary>Without values: a key is the client's, and the fingerprint is derived from the request body.</summary>
    public override string ToString() => nameof(IdempotencyKey);
}

/// <summary>
/// A write that a retry with the same <see cref="IdempotencyKey"/> must not repeat: the idempotency behavior runs
/// for it (a generic constraint), so that a command opts in with this marker and its handler holds no code for it.
/// </summary>
public interface IIdempotent : IOrganizationScoped
{
    IdempotencyKey? IdempotencyKey { get; }
}

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

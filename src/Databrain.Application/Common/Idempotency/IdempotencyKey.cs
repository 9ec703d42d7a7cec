namespace Databrain.Application.Common.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> of a write (docs/api.md, "Retry-safe writes: Idempotency-Key"), with the fingerprint of the request it came with
/// (method, path and query, its <c>If-Match</c> condition, and the body as JSON), which a retry must match. A
/// fingerprint carries its format version (<see cref="Version"/>, a prefix): one stored by an earlier release,
/// which had none and left out the condition, is matched by <see cref="EarlierFingerprint"/>, so that its retry
/// still replays.
/// </summary>
public sealed record IdempotencyKey(string Value, string Fingerprint, string EarlierFingerprint)
{
    /// <summary>The prefix of this release's fingerprints.</summary>
    public const string Version = "v2:";

    /// <summary>Whether a stored fingerprint is this request's, in the format it was stored in.</summary>
    public bool Matches(string storedFingerprint) =>
        storedFingerprint == (storedFingerprint.StartsWith(Version, StringComparison.Ordinal) ? Fingerprint : EarlierFingerprint);

    /// <summary>Without values: a key is the client's, and the fingerprint is derived from the request body.</summary>
    public override string ToString() => nameof(IdempotencyKey);
}

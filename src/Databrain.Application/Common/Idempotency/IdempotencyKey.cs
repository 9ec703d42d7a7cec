using Databrain.Application.Common.Security;

namespace Databrain.Application.Common.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> of a write (docs/api.md, "Retry-safe writes: Idempotency-Key"), with the fingerprint of the request it came with
/// (method, path and query, and the body as JSON), which a retry must match.
/// </summary>
public sealed record IdempotencyKey(string Value, string Fingerprint) : IHeaderValue
{
    public const string HeaderName = "Idempotency-Key";

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
}

namespace Databrain.Application.Common.Idempotency;

/// <summary>How long an idempotency key is remembered (contract, section 7); the host binds and validates it.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>From the key's first use; then it is new again, and the service purges it.</summary>
    public int RetentionHours { get; init; } = 24;
}

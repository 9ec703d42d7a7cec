namespace Databrain.Application.Common.Ports;

/// <summary>A remembered answer: the key, the request it answered, and the outcome (an error code and message, or the value as JSON).</summary>
public sealed record StoredAnswer(
    string Key,
    string Fingerprint,
    string? ErrorCode,
    string? ErrorMessage,
    string? ValueJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);

namespace Databrain.Application.Common.Results;

/// <summary>An expected failure: a code from <see cref="Errors"/>, one sentence for people, and per-field details where they help.</summary>
public sealed record Error(
    string Code,
    string Message,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<ErrorDetail>? Details = null)
{
    /// <summary>For <see cref="Errors.TooManyRequestsCode"/>: when to try again, in seconds, which the host sends beside the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int? RetryAfterSeconds { get; init; }
}

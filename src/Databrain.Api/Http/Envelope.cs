using System.Text.Json.Serialization;

namespace Databrain.Api.Http;

/// <summary>Every response body: <c>{"data": …, "error": …}</c>, exactly one of them non-null.</summary>
public sealed record Envelope<T>(T? Data, EnvelopeError? Error);

public sealed record EnvelopeError(
    string Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<EnvelopeErrorDetail>? Details);

public sealed record EnvelopeErrorDetail(string Field, string Message);

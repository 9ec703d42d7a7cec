using Databrain.Application.Common.Results;

namespace Databrain.Api.Http;

/// <summary>Every response body: <c>{"data": …, "error": …}</c>, exactly one of them non-null.</summary>
public sealed record Envelope<T>(T? Data, Error? Error);

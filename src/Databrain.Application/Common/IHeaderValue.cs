namespace Databrain.Application.Common;

/// <summary>
/// Marks a value that travels in a header, not in a body: of a request (If-Match, Idempotency-Key) or of an answer
/// (ETag). The host keeps it out of the body's JSON (strict reading rejects it there, and the API reference does
/// not list it); a remembered answer (Idempotency-Key) keeps it, so that a replay sends the same header.
/// </summary>
#pragma warning disable CA1040 // A marker interface is the point: the host selects on it.
public interface IHeaderValue;
#pragma warning restore CA1040

namespace Databrain.Application.Common;

/// <summary>
/// Marks a value of an answer that travels in a header (the version an <c>ETag</c> names), not in its body. The host
/// keeps it out of the body's JSON; a remembered answer (Idempotency-Key) keeps it, so that a replay sends the same
/// header. Request headers need no marker: a command takes them beside its body, in its constructor.
/// </summary>
#pragma warning disable CA1040 // A marker interface is the point: the host selects on it.
public interface IHeaderValue;
#pragma warning restore CA1040

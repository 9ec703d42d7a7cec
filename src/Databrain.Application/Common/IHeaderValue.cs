namespace Databrain.Application.Common;

/// <summary>
/// Marks a value a request carries in a header, not in its body: the host keeps it out of the body's JSON (strict
/// reading rejects it there, and the API reference does not list it).
/// </summary>
#pragma warning disable CA1040 // A marker interface is the point: the host selects on it.
public interface IHeaderValue;
#pragma warning restore CA1040

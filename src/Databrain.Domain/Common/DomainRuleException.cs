namespace Databrain.Domain.Common;

/// <summary>
/// A domain invariant was broken. Requests are validated before they reach the domain, so this
/// signals a bug in a caller, never bad client input: it ends as a 500.
/// </summary>
public sealed class DomainRuleException(string message) : Exception(message);

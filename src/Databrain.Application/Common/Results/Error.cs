namespace Databrain.Application.Common.Results;

/// <summary>An expected failure: a code from <see cref="Errors"/>, one sentence for people, and per-field details where they help.</summary>
public sealed record Error(string Code, string Message, IReadOnlyList<ErrorDetail>? Details = null);

/// <summary>One problem with one field of a request; <see cref="Field"/> is the wire name (for example <c>aiCopilotLlms[2]</c>).</summary>
public sealed record ErrorDetail(string Field, string Message);

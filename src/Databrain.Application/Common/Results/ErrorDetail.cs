namespace Databrain.Application.Common.Results;

/// <summary>One problem with one field of a request; <see cref="Field"/> is the wire name (for example <c>aiCopilotLlms[2]</c>).</summary>
public sealed record ErrorDetail(string Field, string Message);

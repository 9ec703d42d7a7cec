namespace Databrain.Application.Common.Results;

/// <summary>
/// The errors a request's own steps can answer (its handler's checks), declared on the request type. The errors
/// its markers bring, and those every request can answer, are added by <see cref="RequestErrors.Of"/>; the API
/// reference's table, its OpenAPI document and their tests all come from there.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AnswersAttribute(params string[] codes) : Attribute
{
    public IReadOnlyList<string> Codes { get; } = codes;
}

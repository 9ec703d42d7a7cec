namespace Databrain.Api.OpenApi;

/// <summary>
/// The 400 codes an operation can answer with, listed in its OpenAPI document with an example each.
/// 401, 429 and 500 are added to every operation by <see cref="ErrorResponsesTransformer"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ErrorCodesAttribute(params string[] codes) : Attribute
{
    public IReadOnlyList<string> Codes { get; } = codes;
}

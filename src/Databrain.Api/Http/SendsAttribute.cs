using Databrain.Application.Common.Results;

namespace Databrain.Api.Http;

/// <summary>
/// The requests an action sends to the application (one, or one of several): what the API reference and the
/// OpenAPI document list as the operation's errors come from their declarations (<see cref="RequestErrors.Of"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SendsAttribute(params Type[] requests) : Attribute
{
    public IReadOnlyList<Type> Requests { get; } = requests;

    /// <summary>Every error code of the requests an endpoint's metadata says it sends, each once.</summary>
    public static IReadOnlyList<string> ErrorsOf(IEnumerable<object> endpointMetadata) =>
        endpointMetadata.OfType<SendsAttribute>().SelectMany(a => a.Requests).SelectMany(RequestErrors.Of).Distinct().ToArray();
}

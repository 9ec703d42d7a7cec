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

    /// <summary>The answer types (the <c>T</c> of <c>IRequest&lt;Result&lt;T&gt;&gt;</c>) of the requests an endpoint's metadata says it sends.</summary>
    public static IReadOnlyList<Type> AnswersOf(IEnumerable<object> endpointMetadata) =>
        endpointMetadata.OfType<SendsAttribute>().SelectMany(a => a.Requests)
            .SelectMany(r => r.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(MediatR.IRequest<>)))
            .Select(i => i.GetGenericArguments()[0])
            .Where(result => result.IsGenericType && result.GetGenericTypeDefinition() == typeof(Result<>))
            .Select(result => result.GetGenericArguments()[0])
            .Distinct()
            .ToArray();
}

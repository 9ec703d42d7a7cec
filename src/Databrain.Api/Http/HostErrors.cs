using Databrain.Application.Common.Results;

namespace Databrain.Api.Http;

/// <summary>The errors only the host answers, for requests that reach no use case: a route or a method it does not serve.</summary>
public static class HostErrors
{
    public const string NotFoundCode = "NOT_FOUND";
    public const string MethodNotAllowedCode = "METHOD_NOT_ALLOWED";

    /// <summary>A route no endpoint serves.</summary>
    public static Error NotFound { get; } = new(NotFoundCode, "No such route. The API lives at /api/v2/workspace.");

    /// <summary>A method the route does not serve.</summary>
    public static Error MethodNotAllowed { get; } = new(MethodNotAllowedCode, "This route does not accept that HTTP method.");
}

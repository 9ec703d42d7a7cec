using Databrain.Application.Common.Results;

namespace Databrain.Api.Http;

/// <summary>The errors the host itself answers, for routes and methods that no endpoint serves.</summary>
public static class HostErrors
{
    public static Error NotFound { get; } = new(Errors.NotFoundCode, "No such route. The API lives at /api/v2/workspace.");

    public static Error MethodNotAllowed { get; } = new(Errors.MethodNotAllowedCode, "This route does not accept that HTTP method.");
}

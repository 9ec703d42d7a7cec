using System.Net.Http.Headers;
using Databrain.Application.Common.Security;
using Microsoft.Net.Http.Headers;

namespace Databrain.Api.Http;

/// <summary>
/// Each request's <see cref="CallerContext"/>, created with the request's scope from its <c>Authorization</c>
/// header: the bearer token, or none. It decides nothing: the authorization behavior checks the token, so that
/// every way of failing gets the same answer there. Outside a request (admin commands) there is no token.
/// </summary>
public static class CallerFromRequest
{
    public static IServiceCollection AddCallerFromRequest(this IServiceCollection services) =>
        services
            .AddHttpContextAccessor()
            .AddScoped(provider => new CallerContext(BearerTokenOf(provider.GetRequiredService<IHttpContextAccessor>().HttpContext)));

    private static string? BearerTokenOf(HttpContext? context) =>
        context?.Request.Headers[HeaderNames.Authorization] is [{ } value]
        && AuthenticationHeaderValue.TryParse(value, out var header)
        && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            ? header.Parameter
            : null;
}

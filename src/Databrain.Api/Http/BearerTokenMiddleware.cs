using System.Net.Http.Headers;
using Databrain.Application.Common.Security;
using Microsoft.Net.Http.Headers;

namespace Databrain.Api.Http;

/// <summary>
/// Copies the raw bearer token into the request's <see cref="CallerContext"/>. It decides nothing: the
/// authorization behavior checks the token, so that every way of failing gets the same answer there.
/// </summary>
public sealed class BearerTokenMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CallerContext caller)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caller);
        var values = context.Request.Headers[HeaderNames.Authorization];
        if (values.Count == 1
            && AuthenticationHeaderValue.TryParse(values[0], out var header)
            && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            caller.BearerToken = header.Parameter;
        }

        return next(context);
    }
}

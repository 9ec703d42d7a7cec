using System.Net.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace Databrain.Api.Http;

/// <summary>The token of a request's <c>Authorization: Bearer …</c> header (the scheme in any case), or null.</summary>
public static class BearerToken
{
    public static string? Of(HttpContext? context) =>
        context?.Request.Headers[HeaderNames.Authorization] is [{ } value]
        && AuthenticationHeaderValue.TryParse(value, out var header)
        && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            ? header.Parameter
            : null;
}

using Microsoft.Net.Http.Headers;

namespace Databrain.Api.Http;

/// <summary>
/// Every response, error answers included: no content sniffing, and no caching of tenant data by browsers
/// or proxies. (Kestrel's Server header is switched off where Kestrel is configured.)
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // OnStarting, not now: the exception handler clears the headers of a failed response before answering.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.CacheControl] = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

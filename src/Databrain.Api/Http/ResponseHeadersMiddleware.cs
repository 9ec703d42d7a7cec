namespace Databrain.Api.Http;

/// <summary>
/// On every response, error answers included: no content sniffing, and no caching of tenant data by browsers or
/// proxies (Kestrel's Server header is off: <see cref="DependencyInjection.AddApi"/>). Set when the response starts,
/// not now: the exception handler clears the headers of a failed response before answering.
/// </summary>
public sealed class ResponseHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

using System.Diagnostics;

namespace Databrain.Api.Observability;

/// <summary>
/// One log line per request: method, path (without the query string), status, duration and trace id.
/// Never headers or bodies: tokens and client data stay out of the logs.
/// </summary>
public sealed class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            logger.LogInformation(
                "HTTP {Method} {Path} answered {StatusCode} in {DurationMs:0.0} ms (trace {TraceId})",
                context.Request.Method,
                context.Request.Path.Value,
                context.RequestAborted.IsCancellationRequested ? 499 : context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
        }
    }
}

using System.Diagnostics;
using ZLogger;

namespace Databrain.Api.Observability;

/// <summary>
/// One log line per request: method, path (without the query string), status, duration and trace id.
/// Never headers or bodies: tokens and client data stay out of the logs.
/// </summary>
public sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            LogRequest(
                logger,
                context.Request.Method,
                Escaped(context.Request.Path.Value),
                context.RequestAborted.IsCancellationRequested ? 499 : context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
        }
    }

    /// <summary>
    /// The path with every control character written as <c>\uXXXX</c>: the path arrives decoded, and a <c>%0a</c> in it
    /// would otherwise start a forged line in a plain-text log. A path without one (nearly all) is passed as it is.
    /// </summary>
    internal static string? Escaped(string? path)
    {
        if (path is null || path.AsSpan().IndexOfAny(ControlCharacters) < 0)
        {
            return path;
        }

        var escaped = new System.Text.StringBuilder(path.Length + 16);
        foreach (var c in path)
        {
            escaped.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c);
        }

        return escaped.ToString();
    }

    /// <summary>What <see cref="char.IsControl(char)"/> is true for: C0, DEL and C1.</summary>
    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c)]);

    // ZLogger's generator, not the platform's: the values stay unboxed and ZLogger's writer writes them as UTF-8,
    // with no string formatting on the request thread (docs/performance.md, "What the request line costs"). The
    // event id is the one the platform's generator derived from this method's name, so filters on it still match.
    [ZLoggerMessage(1330097018, LogLevel.Information, "HTTP {Method} {Path} answered {StatusCode} in {DurationMs:0.0} ms (trace {TraceId})")]
    private static partial void LogRequest(ILogger logger, string method, string? path, int statusCode, double durationMs, string traceId);
}

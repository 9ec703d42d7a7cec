using Microsoft.Extensions.Logging.Abstractions;

namespace Databrain.Api.Observability;

/// <summary>
/// One log line for each request Kestrel answers itself before the application sees it (431 headers too large,
/// 414 request line too long, 408 headers too slow, 400 malformed): its status and a reason of our own words.
/// Kestrel's own report of these (category <c>Microsoft.AspNetCore.Server.Kestrel.BadRequests</c>, at Debug)
/// quotes the offending header or request line, values included, so it is read here and never written out.
/// </summary>
public sealed partial class ServerRejectionLog(IServiceProvider services) : ILoggerProvider
{
    public const string KestrelCategory = "Microsoft.AspNetCore.Server.Kestrel.BadRequests";

    private ILogger? _log;

    public ILogger CreateLogger(string categoryName) => categoryName == KestrelCategory ? new Listener(this) : NullLogger.Instance;

    public void Dispose()
    {
    }

    private static string ReasonOf(int status) => status switch
    {
        StatusCodes.Status408RequestTimeout => "the request headers did not arrive in time",
        StatusCodes.Status413PayloadTooLarge => "the request body is larger than the server accepts",
        StatusCodes.Status414UriTooLong => "the request line is too long",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "the request headers are too large",
        _ => "the request line or headers are malformed",
    };

    private void Report(int status)
    {
        // Resolved at the first report: the logger factory that creates this provider cannot be asked for a logger while doing so.
        _log ??= services.GetRequiredService<ILoggerFactory>().CreateLogger<ServerRejectionLog>();
        LogRejected(_log, status, ReasonOf(status));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP request answered {StatusCode} by the server itself: {Reason}")]
    private static partial void LogRejected(ILogger logger, int statusCode, string reason);

    private sealed class Listener(ServerRejectionLog owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is BadHttpRequestException rejected)
            {
                owner.Report(rejected.StatusCode);
            }
        }
    }
}

using System.Text.Json;
using ZLogger;

namespace Databrain.Api.Observability;

/// <summary>
/// The service's console log: one JSON object per line (<c>Logging:Console:FormatterName</c> <c>json</c>, the
/// default) or plain text (<c>simple</c>, Development), through ZLogger on Microsoft.Extensions.Logging. ZLogger
/// formats each line as UTF-8, and <see cref="PeriodicLineWriter"/> writes the lines of each interval together, where
/// the platform's console logger wrote every line with its own call: on 2 cores that made the request line cost a
/// quarter of the throughput (docs/performance.md). The levels stay under <c>Logging:LogLevel</c>, as before. The
/// benchmark's baseline compiles this file too, so that both write the same line the same way.
/// </summary>
public static class ConsoleLog
{
    /// <summary>How often the lines logged meanwhile are written: a line appears at most this long after it is logged.</summary>
    public static readonly TimeSpan WriteInterval = TimeSpan.FromMilliseconds(100);

    public static ILoggingBuilder AddDatabrainConsole(this ILoggingBuilder logging, IConfiguration configuration, bool toStandardError)
    {
        var plain = string.Equals(configuration["Logging:Console:FormatterName"], "simple", StringComparison.OrdinalIgnoreCase);
        logging.ClearProviders();
        return logging.AddZLoggerLogProcessor(options =>
        {
            options.IncludeScopes = true;

            // The request thread only captures the values; the writer formats the line.
            options.IsFormatLogImmediatelyInStandardLog = false;
            if (plain)
            {
                options.UsePlainTextFormatter(formatter => formatter.SetPrefixFormatter(
                    $"{0:HH:mm:ss} {1:short} {2}: ",
                    (in MessageTemplate template, in LogInfo info) => template.Format(info.Timestamp, info.LogLevel, info.Category)));
            }
            else
            {
                // Timestamp, LogLevel, Category, EventId, Message, the scopes' values (TraceId, SpanId, RequestPath…)
                // and the message's own values under "State", in UTC.
                options.UseJsonFormatter(formatter =>
                {
                    formatter.IncludeProperties = IncludeProperties.Default | IncludeProperties.EventIdValue;
                    formatter.PropertyKeyValuesObjectName = JsonEncodedText.Encode("State");
                    formatter.UseUtcTimestamp = true;
                });
            }

            // Admin commands keep stdout for their own output (token create prints the token alone).
            var stream = toStandardError ? Console.OpenStandardError() : Console.OpenStandardOutput();
            return new PeriodicLineWriter(stream, options.CreateFormatter(), WriteInterval, entry => entry.LogInfo.Exception is { } ex && IsReportedAtStart(ex));
        });
    }

    /// <summary>
    /// A failure to start that the program reports in one line of its own (Program.cs), so that the host's log of it,
    /// a stack trace dozens of lines long, is left out: the port is in use.
    /// </summary>
    public static bool IsReportedAtStart(Exception exception) =>
        exception is IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException };
}

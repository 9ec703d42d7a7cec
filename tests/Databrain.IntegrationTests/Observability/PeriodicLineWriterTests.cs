using System.Text;
using Databrain.Api.Observability;
using Microsoft.Extensions.Logging;
using ZLogger;

namespace Databrain.IntegrationTests.Observability;

/// <summary>The console log's writer: lines wait for the next interval, and stopping writes every one of them, in order.</summary>
public sealed class PeriodicLineWriterTests
{
    [Fact]
    public void Stopping_WritesEveryLineLoggedSinceTheLastInterval_InOrder()
    {
        using var output = new MemoryStream();
        var factory = LoggerFactory.Create(logging => logging.AddZLoggerLogProcessor(options =>
        {
            options.UsePlainTextFormatter();

            // An interval that never comes during the test: only stopping can write the lines.
            return new PeriodicLineWriter(output, options.CreateFormatter(), TimeSpan.FromHours(1));
        }));
        var logger = factory.CreateLogger("test");
        for (var i = 0; i < 1000; i++)
        {
            logger.LogInformation("line {Number}", i);
        }

        var beforeStop = output.Length;
        factory.Dispose();

        Assert.Equal(0, beforeStop);
        Assert.Equal(
            Enumerable.Range(0, 1000).Select(i => $"line {i}"),
            Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}

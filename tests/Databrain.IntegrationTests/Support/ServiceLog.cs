using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Databrain.IntegrationTests.Support;

/// <summary>
/// The log of a service under test. Every record is kept, to check what must (or must never) be logged; each
/// line also goes to the output of the test it belongs to, which the runner shows only when that test fails.
/// </summary>
/// <remarks>
/// A service started by a test belongs to that test. The shared services of the run serve many tests at once, so
/// their lines are matched by trace: <see cref="Follow"/> gives a test a trace id that its client sends as
/// <c>traceparent</c>, and a line written while handling such a request goes to that test. Lines that belong to
/// no test (start-up, the background purger) are kept but printed nowhere, so a failing run no longer dumps the
/// log of every test to the console.
/// </remarks>
public sealed class ServiceLog
{
    private readonly ConcurrentDictionary<ActivityTraceId, ITestOutputHelper> _followed = new();
    private readonly ITestOutputHelper? _owner = TestContext.Current.TestOutputHelper;
    private TaskCompletionSource _logged = NewSignal();

    public ServiceLog() =>
        Collector = FakeLogCollector.Create(new FakeLogCollectorOptions { OutputSink = WriteToItsTest, OutputFormatter = Format });

    public FakeLogCollector Collector { get; }

    /// <summary>
    /// Every record as one line: category, level, message, exception, structured state and scopes, everything
    /// the service's JSON console line would carry (so a scan for a secret sees all of it).
    /// </summary>
    public IReadOnlyList<string> Lines => [.. Collector.GetSnapshot().Select(Format)];

    internal ILoggerProvider CreateProvider() => new FakeLoggerProvider(Collector);

    /// <summary>Routes the lines of requests sent with the returned trace id to the calling test's output.</summary>
    public ActivityTraceId Follow()
    {
        var traceId = ActivityTraceId.CreateRandom();
        if (TestContext.Current.TestOutputHelper is { } output)
        {
            _followed[traceId] = output;
        }

        return traceId;
    }

    /// <summary>Waits until a record that <paramref name="match"/> accepts has been logged.</summary>
    /// <remarks>The minute is only there so that a line that never comes fails the test instead of hanging the run.</remarks>
    public async Task<FakeLogRecord> WaitForAsync(Func<FakeLogRecord, bool> match)
    {
        while (true)
        {
            var logged = _logged.Task; // taken before the snapshot: a record added after it completes this task
            if (Collector.GetSnapshot().FirstOrDefault(match) is { } record)
            {
                return record;
            }

            await logged.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        }
    }

    private void WriteToItsTest(string line)
    {
        Interlocked.Exchange(ref _logged, NewSignal()).TrySetResult();
        var output = _owner;
        if (output is null && Activity.Current is { } activity)
        {
            _followed.TryGetValue(activity.TraceId, out output);
        }

        try
        {
            output?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has already finished (a line written after its last response): nobody can read it now.
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Format(FakeLogRecord record)
    {
        var state = record.StructuredState is { } pairs ? string.Join(", ", pairs.Where(p => p.Key != "{OriginalFormat}").Select(p => $"{p.Key}={p.Value}")) : "";
        var scopes = string.Join(" | ", record.Scopes.Select(s => Convert.ToString(s, CultureInfo.InvariantCulture)));
        return $"{record.Level} {record.Category}: {record.Message} {record.Exception} [{state}] [{scopes}]";
    }
}

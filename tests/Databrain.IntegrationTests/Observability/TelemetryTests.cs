using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Databrain.Application.Common.Behaviors;
using Databrain.Infrastructure.Persistence.Tracing;
using Databrain.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OpenTelemetry.Trace;

namespace Databrain.IntegrationTests.Observability;

/// <summary>Spans per request and per database command, the workspace metrics, and the OTLP switch.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly ConcurrentBag<Activity> _spans = [];
    private readonly ConcurrentDictionary<ActivityTraceId, TaskCompletionSource> _requestsDone = new();
    private ActivityListener _listener = null!;
    private ServiceFactory _service = null!;
    private TestOrganization _org = null!;

    public async ValueTask InitializeAsync()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ApplicationTelemetry.SourceName or DatabaseTelemetry.SourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                _spans.Add(span);
                if (span.Source.Name == "Microsoft.AspNetCore")
                {
                    // The server's span stops last, after every span of the request inside it.
                    _requestsDone.GetOrAdd(span.TraceId, _ => new TaskCompletionSource()).TrySetResult();
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        await _database.InitializeAsync();
        _service = new ServiceFactory(_database);
        _service.StartServer();
        _org = await _service.Services.CreateOrganizationAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _service.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Sends a request inside a trace of the test's own, so that only its spans are looked at.</summary>
    private async Task<(HttpStatusCode Status, Activity[] Spans)> Traced(object? body, HttpMethod? method = null, string query = "", string? idempotencyKey = null)
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var client = _service.CreateClient();
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, ApiCalls.Route + query)
        {
            Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body),
        };
        request.Headers.Add("Authorization", $"Bearer {_org.Token}");
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var response = await client.SendAsync(request);
        // The client can read the response before the server's span has stopped: wait for that signal.
        await _requestsDone.GetOrAdd(traceId, _ => new TaskCompletionSource()).Task.WaitAsync(TimeSpan.FromMinutes(1));
        return (response.StatusCode, _spans.Where(s => s.TraceId == traceId).ToArray());
    }

    /// <summary>
    /// The database commands that name a table: what one concern sends (the use case: Workspaces; the key:
    /// IdempotencyKeys), so that another concern's own commands (an audit's, say) do not change the count.
    /// </summary>
    private static int CommandsOn(string table, IEnumerable<Activity> spans) =>
        spans.Count(s => s.Source.Name == DatabaseTelemetry.SourceName
            && ((string?)s.GetTagItem("db.query.text"))?.Contains(table, StringComparison.Ordinal) == true);

    [Fact]
    public async Task ACreate_IsTracedFromHttpToEachDatabaseCommand_WithItsOutcome()
    {
        var (status, spans) = await Traced(new { name = "Traced", connectionType = "DATASOURCE", datasourceName = "postgres-main" });

        Assert.Equal(HttpStatusCode.OK, status);
        var http = Assert.Single(spans, s => s.Source.Name == "Microsoft.AspNetCore");
        var command = Assert.Single(spans, s => s.Source.Name == ApplicationTelemetry.SourceName);
        Assert.Equal("CreateWorkspaceCommand", command.DisplayName);
        Assert.Equal("OK", command.GetTagItem(ApplicationTelemetry.OutcomeTag));
        Assert.Equal(http.SpanId, command.ParentSpanId);
        var database = spans.Where(s => s.Source.Name == DatabaseTelemetry.SourceName).ToArray();
        // The stable OpenTelemetry database conventions: "{operation} {table}" where the command names one table.
        var ordered = database.Where(s => CommandsOn("ServiceTokens", [s]) + CommandsOn("Workspaces", [s]) > 0).OrderBy(s => s.StartTimeUtc).ToArray();
        Assert.Equal(["SELECT ServiceTokens", "SELECT", "INSERT Workspaces"], ordered.Select(s => s.DisplayName));
        Assert.All(database, s =>
        {
            Assert.Equal("sqlite", s.GetTagItem("db.system.name"));
            Assert.Equal(ActivityKind.Client, s.Kind);
            Assert.DoesNotContain("postgres-main", (string)s.GetTagItem("db.query.text")!, StringComparison.Ordinal); // values are parameters
        });
        Assert.Equal(["SELECT", "SELECT", "INSERT"], ordered.Select(s => s.GetTagItem("db.operation.name")));
        Assert.Equal(["ServiceTokens", null, "Workspaces"], ordered.Select(s => s.GetTagItem("db.collection.name")));
    }

    [Fact]
    public async Task WithTheTokenCacheWarm_ACreateSendsTwoDatabaseCommands_AndARejectionOne()
    {
        Assert.Equal(HttpStatusCode.OK, (await Traced(new { name = "Warm-up", connectionType = "MULTI_DATAMART" })).Status);

        var created = await Traced(new { name = "Counted", connectionType = "DATASOURCE", datasourceName = "postgres-main", llmName = "gpt-4o", aiCopilotLlms = new[] { "gpt-4o" } });
        var rejected = await Traced(new { name = "Counted too", connectionType = "DATASOURCE", datasourceName = "nope" });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(2, CommandsOn("Workspaces", created.Spans));
        Assert.Equal(HttpStatusCode.BadRequest, rejected.Status);
        Assert.Equal(1, CommandsOn("Workspaces", rejected.Spans));
    }

    [Fact]
    public async Task WithTheTokenCacheWarm_AKeyedCreateSendsOneCommandMoreThanAnUnkeyedOne()
    {
        Assert.Equal(HttpStatusCode.OK, (await Traced(new { name = "Keyed warm-up", connectionType = "MULTI_DATAMART" })).Status);
        var body = new { name = "Keyed", connectionType = "DATASOURCE", datasourceName = "postgres-main", aiCopilotLlms = new[] { "gpt-4o" } };

        var keyed = await Traced(body, idempotencyKey: "count-1");
        var replayed = await Traced(body, idempotencyKey: "count-1");

        Assert.Equal(HttpStatusCode.OK, keyed.Status);
        Assert.Equal((2, 1), (CommandsOn("Workspaces", keyed.Spans), CommandsOn("IdempotencyKeys", keyed.Spans))); // look-up and write; the key
        Assert.Equal(HttpStatusCode.OK, replayed.Status);
    }

    [Fact]
    public async Task WithTheTokenCacheWarm_AnUpdateSendsFourDatabaseCommands_AndAReadOne()
    {
        Assert.Equal(HttpStatusCode.OK, (await Traced(new { name = "Versioned", connectionType = "MULTI_DATAMART", aiCopilotLlms = new[] { "gpt-4o" } })).Status);

        var updated = await Traced(
            new { name = "Versioned", connectionType = "DATASOURCE", datasourceName = "postgres-main", llmName = "gpt-4o", aiCopilotLlms = new[] { "claude-sonnet", "gpt-4o" }, isEnableMetricSummary = false },
            HttpMethod.Put);
        var read = await Traced(null, HttpMethod.Get, "?name=Versioned");

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        // The look-up; the row as it was, read under its lock (for the change record); the row; the links and the
        // workspace as stored, only once the row changed.
        Assert.Equal(4, CommandsOn("Workspaces", updated.Spans));
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(1, CommandsOn("Workspaces", read.Spans));
    }

    [Fact]
    public async Task ARejectedCreate_CarriesItsErrorCode()
    {
        var (status, spans) = await Traced(new { name = "Rejected", connectionType = "DATASOURCE", datasourceName = "nope" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_DATASOURCE_NAME", Assert.Single(spans, s => s.Source.Name == ApplicationTelemetry.SourceName).GetTagItem(ApplicationTelemetry.OutcomeTag));
    }

    [Fact]
    public async Task Metrics_CountCreatesByConnectionType_AndRejectionsByErrorCode()
    {
        var factory = _service.Services.GetRequiredService<IMeterFactory>();
        using var created = new MetricCollector<long>(factory, ApplicationTelemetry.MeterName, "databrain.workspaces.created");
        using var rejected = new MetricCollector<long>(factory, ApplicationTelemetry.MeterName, "databrain.workspaces.rejected");

        await Traced(new { name = "M1", connectionType = "DATASOURCE", datasourceName = "postgres-main" });
        await Traced(new { name = "M2", connectionType = "MULTI_DATAMART" });
        await Traced(new { name = "M2", connectionType = "MULTI_DATAMART" });
        await Traced(new { name = " bad", connectionType = "MULTI_DATAMART" });

        Assert.Equal(
            [
                ("databrain.workspaces.created", 1L, "connection_type=DATASOURCE"),
                ("databrain.workspaces.created", 1L, "connection_type=MULTI_DATAMART"),
                ("databrain.workspaces.rejected", 1L, "error_code=INVALID_REQUEST_BODY"),
                ("databrain.workspaces.rejected", 1L, "error_code=WORKSPACE_NAME_ALREADY_EXISTS"),
            ],
            created.GetMeasurementSnapshot().Select(m => ("databrain.workspaces.created", m.Value, Tag(m)))
                .Concat(rejected.GetMeasurementSnapshot().Select(m => ("databrain.workspaces.rejected", m.Value, Tag(m))))
                .Order());

        static string Tag(CollectedMeasurement<long> measurement) => string.Join(",", measurement.Tags.Select(t => $"{t.Key}={t.Value}"));
    }

    [Fact]
    public async Task WithAnOtlpEndpoint_TracesAndMetricsAreExported()
    {
        var port = FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new ConcurrentBag<string>();
        _ = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                var context = await collector.GetContextAsync();
                received.Add($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath} {context.Request.ContentType}");
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        await using var exporting = new ServiceFactory(_database, settings: new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });
        using var client = exporting.CreateClient();
        var org = await exporting.Services.CreateOrganizationAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.CreateWorkspaceAsync(org.Token, new { name = "Exported", connectionType = "MULTI_DATAMART" })).Status);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1)); // patience on a busy machine, not a limit
        while (!(received.Any(r => r.StartsWith("POST /v1/traces", StringComparison.Ordinal)) && received.Any(r => r.StartsWith("POST /v1/metrics", StringComparison.Ordinal))))
        {
            await Task.Delay(100, timeout.Token);
        }

        Assert.All(received, r => Assert.EndsWith("application/x-protobuf", r, StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [Fact]
    public async Task WithoutAnOtlpEndpoint_NoTelemetryPipelineIsRegistered()
    {
        Assert.Null(_service.Services.GetService<TracerProvider>());

        await using var exporting = new ServiceFactory(_database, settings: new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317" });
        Assert.NotNull(exporting.Services.GetService<TracerProvider>());
    }
}

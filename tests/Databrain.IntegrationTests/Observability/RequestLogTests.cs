using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Observability;

/// <summary>One request log line per request; JSON console lines outside Development.</summary>
public sealed class RequestLogTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task EachRequest_LogsMethodPathStatusDurationAndTraceId()
    {
        await using var service = new ServiceFactory(_database);
        using var client = service.CreateClient();
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v2/workspace?isPagination=true");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);

        // The line is written once the answer is complete, which may be after the client has read it.
        var line = await service.Log.WaitForAsync(r => r.Message.Contains($"trace {traceId}", StringComparison.Ordinal));
        Assert.Matches($@"^HTTP GET /api/v2/workspace answered 401 in \d+\.\d ms \(trace {traceId}\)$", line.Message);
        Assert.Single(service.Log.Collector.GetSnapshot(), r => r.Message.Contains($"trace {traceId}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("json")]
    public async Task AControlCharacterInThePath_IsEscaped_SoThatNoLineIsForged(string format)
    {
        await using var instance = ServiceInstance.Start(_database, new Dictionary<string, string> { ["Logging__Console__FormatterName"] = format });
        await instance.WaitUntilAsync();
        using var client = new HttpClient { BaseAddress = instance.BaseAddress };

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/forged%0aINFO: admin logged in%0d", UriKind.Relative))).StatusCode);

        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!instance.Output.Contains("answered 404", StringComparison.Ordinal))
        {
            await Task.Delay(50, patience.Token);
        }

        var lines = instance.Output.Split('\n');
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("INFO: admin logged in", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/forged\\u000aINFO: admin logged in\\u000d", StringComparison.Ordinal)
            || l.Contains("/forged\\\\u000aINFO: admin logged in\\\\u000d", StringComparison.Ordinal)); // as is, or JSON-escaped
    }

    [Fact]
    public async Task OutsideDevelopment_ConsoleLogsAreOneJsonObjectPerLine()
    {
        var start = ServiceProcess.StartInfo(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings__Databrain"] = _database.ConnectionString,
        });
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? address = null;
            while (address is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                using var entry = JsonDocument.Parse(line);
                if (entry.RootElement.GetProperty("Message").GetString() is { } message && message.StartsWith("Now listening on: ", StringComparison.Ordinal))
                {
                    address = message["Now listening on: ".Length..];
                }
            }

            using var client = new HttpClient { BaseAddress = new Uri(address!) };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", timeout.Token)).StatusCode);
            while (!lines.Any(l => l.Contains("/health/live answered 200", StringComparison.Ordinal)) && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.All(lines, line =>
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
        });
        var request = JsonDocument.Parse(lines.Single(l => l.Contains("/health/live answered 200", StringComparison.Ordinal))).RootElement;
        Assert.Equal("GET", request.GetProperty("State").GetProperty("Method").GetString());
        Assert.Equal(200, request.GetProperty("State").GetProperty("StatusCode").GetInt32());
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Observability;

/// <summary>
/// The reference page as a newcomer meets it in Development: / leads to it, the demo token is filled in, every
/// request example of the document is a valid request on the demo data, and the page has a strict
/// Content-Security-Policy. Outside Development, / is an unknown route and no token is filled in.
/// </summary>
public sealed class ReferencePageTests : IAsyncLifetime
{
    private const string DemoToken = "dbn_demo_0123456789abcdef0123456789abcdef";
    private readonly SqliteTestDatabase _database = new();

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private ServiceFactory Start(string environment) =>
        new(_database, settings: new Dictionary<string, string> { ["OpenApi:Enabled"] = "true" }, environment: environment);

    [Fact]
    public async Task InDevelopment_RootRedirectsToThePage_WhichFillsInTheDemoToken_UnderAStrictPolicy()
    {
        await using var service = Start("Development");
        using var server = service.CreateClient();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        var root = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var page = await client.GetAsync("/scalar/", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.Redirect, "/scalar"), (root.StatusCode, root.Headers.Location?.OriginalString));
        Assert.Contains(DemoToken, html, StringComparison.Ordinal);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; script-src 'self' 'sha256-", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopment_RootIsTheNotFoundEnvelope_AndNoTokenIsFilledIn()
    {
        await using var service = Start("Production");
        using var client = service.CreateDefaultClient();

        var root = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var html = await client.GetStringAsync("/scalar/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode);
        Assert.Contains("\"code\":\"NOT_FOUND\"", await root.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(DemoToken, html, StringComparison.Ordinal);
    }

    /// <summary>Every example of every operation on every path, in the document's order (a path's delete comes last).</summary>
    [Fact]
    public async Task EveryRequestExample_IsAcceptedOnTheDemoData_InTheOrderOfTheDocument()
    {
        await using var service = Start("Development");
        using var client = service.CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", DemoToken);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        string[] methods = ["get", "put", "post", "delete", "patch"];
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => methods.Contains(o.Name)).Select(o => (Path: path.Name, Method: o.Name, Operation: o.Value)))
            .ToArray();

        var sent = new List<string>();
        foreach (var (path, method, operation) in operations)
        {
            var query = operation.GetProperty("parameters").EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == "query" && p.TryGetProperty("example", out _))
                .Select(p => $"{p.GetProperty("name").GetString()}={Uri.EscapeDataString(p.GetProperty("example").GetString()!)}");
            var uri = $"{path}?{string.Join('&', query)}";
            string?[] bodies = operation.TryGetProperty("requestBody", out var body)
                ? [.. body.GetProperty("content").GetProperty("application/json").GetProperty("examples").EnumerateObject().Select(e => e.Value.GetProperty("value").GetRawText())]
                : [null];
            foreach (var json in bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), uri);
                if (json is not null)
                {
                    request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                }

                var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {uri} {json} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
                sent.Add($"{method} {path}");
            }
        }

        Assert.Equal(operations.Select(o => $"{o.Method} {o.Path}").Distinct(), sent.Distinct()); // every operation, at least once
    }
}

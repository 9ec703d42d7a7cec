using System.Net;
using System.Text;

namespace Databrain.LoadGenerator;

/// <summary>One kind of request, and the answer that counts as its success.</summary>
internal sealed record Scenario(string Name, Func<string, HttpRequestMessage> Request, HttpStatusCode Expected, string? ExpectedCode)
{
    /// <summary>Part of every workspace name the scenario sends, so that no scenario collides with another's names.</summary>
    public string Tag => Name.Split(' ')[0] + (ExpectedCode is null ? string.Empty : "-rejected") + (Name.Contains("Idempotency-Key", StringComparison.Ordinal) ? "-keyed" : string.Empty);

    private const string Route = "/api/v2/workspace";

    public static Scenario Create { get; } = new(
        "create (200)",
        name => Post($$"""{"name":"{{name}}","connectionType":"DATASOURCE","datasourceName":"postgres-main","llmName":"gpt-4o","themeName":"dark"}"""),
        HttpStatusCode.OK,
        null);

    public static Scenario Rejected { get; } = new(
        "create rejected (INVALID_DATASOURCE_NAME)",
        name => Post($$"""{"name":"{{name}}","connectionType":"DATASOURCE","datasourceName":"no-such-datasource"}"""),
        HttpStatusCode.BadRequest,
        "INVALID_DATASOURCE_NAME");

    public static Scenario List { get; } = new(
        "list (page of 10)",
        _ => new HttpRequestMessage(HttpMethod.Get, $"{Route}?isPagination=true&pageNumber=1"),
        HttpStatusCode.OK,
        null);

    /// <summary>A create with an Idempotency-Key of its own (the service only: the baseline has no keys).</summary>
    public static Scenario KeyedCreate { get; } = new(
        "create with Idempotency-Key (200)",
        name =>
        {
            var request = Create.Request(name);
            request.Headers.Add("Idempotency-Key", name);
            return request;
        },
        HttpStatusCode.OK,
        null);

    /// <summary>The one workspace the read-one and update scenarios name (created before they run).</summary>
    public const string SharedWorkspace = "bench-shared";

    /// <summary>Read one workspace by name (the service only: the baseline has no read-one).</summary>
    public static Scenario ReadOne { get; } = new(
        "read one (200)",
        _ => new HttpRequestMessage(HttpMethod.Get, $"{Route}?name={SharedWorkspace}"),
        HttpStatusCode.OK,
        null);

    /// <summary>Update that workspace, without If-Match (the service only: the baseline has no update).</summary>
    public static Scenario Update { get; } = new(
        "update (200)",
        _ => new HttpRequestMessage(HttpMethod.Put, Route)
        {
            Content = new StringContent($$"""{"name":"{{SharedWorkspace}}","connectionType":"DATASOURCE","datasourceName":"postgres-main","themeName":"dark"}""", Encoding.UTF8, "application/json"),
        },
        HttpStatusCode.OK,
        null);

    public static IReadOnlyList<Scenario> All { get; } = [Create, Rejected, List];

    /// <summary>Measured on the service alone, as figures without a target.</summary>
    public static IReadOnlyList<Scenario> ServiceOnly { get; } = [KeyedCreate, ReadOne, Update];

    private static HttpRequestMessage Post(string json) =>
        new(HttpMethod.Post, Route) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public async Task<bool> SucceededAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == Expected && (ExpectedCode is null || body.Contains($"\"code\":\"{ExpectedCode}\"", StringComparison.Ordinal));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Databrain.IntegrationTests.Support;

/// <summary>A response read once: status, raw body and its parsed envelope.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Body, HttpResponseMessage Message)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? ErrorCode => Json.GetProperty("error") is { ValueKind: JsonValueKind.Object } error ? error.GetProperty("code").GetString() : null;

    public string? ErrorMessage => Json.GetProperty("error") is { ValueKind: JsonValueKind.Object } error ? error.GetProperty("message").GetString() : null;

    public JsonElement Data => Json.GetProperty("data");

    /// <summary>The (field, message) pairs of <c>error.details</c>.</summary>
    public IReadOnlyList<(string Field, string Message)> Details =>
        Json.GetProperty("error").GetProperty("details").EnumerateArray()
            .Select(d => (d.GetProperty("field").GetString()!, d.GetProperty("message").GetString()!)).ToArray();

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage message) =>
        new(message.StatusCode, await message.Content.ReadAsStringAsync(), message);
}

public static class ApiCalls
{
    public const string Route = "/api/v2/workspace";

    public static Task<ApiResponse> CreateWorkspaceAsync(this HttpClient client, string? token, object body) =>
        client.CreateWorkspaceRawAsync(token, JsonSerializer.Serialize(body));

    public static async Task<ApiResponse> CreateWorkspaceRawAsync(this HttpClient client, string? token, string json, string? contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }

        return await ApiResponse.ReadAsync(await client.SendAsync(request));
    }

    public static async Task<ApiResponse> ListWorkspacesAsync(this HttpClient client, string? token, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Route + query);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }

        return await ApiResponse.ReadAsync(await client.SendAsync(request));
    }

    /// <summary>Any request to the workspace route: a JSON body (when given) and extra headers such as If-Match.</summary>
    public static Task<ApiResponse> SendAsync(
        this HttpClient client, HttpMethod method, string? token, string query = "", object? body = null, params (string Name, string Value)[] headers) =>
        client.SendToAsync(method, Route + query, token, body, headers);

    /// <summary>Any request to any route (path and query): a JSON body (when given) and extra headers.</summary>
    public static async Task<ApiResponse> SendToAsync(
        this HttpClient client, HttpMethod method, string target, string? token, object? body = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, target);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body as string ?? JsonSerializer.Serialize(body)));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await ApiResponse.ReadAsync(await client.SendAsync(request));
    }

    /// <summary>The response's ETag header as sent, or null.</summary>
    public static string? ETag(this ApiResponse response) => response.Message.Headers.ETag?.ToString();

    public static async Task<IReadOnlyList<string>> ListNamesAsync(this HttpClient client, string token, string query = "")
    {
        var response = await client.ListWorkspacesAsync(token, query);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Data.EnumerateArray().Select(w => w.GetProperty("name").GetString()!).ToArray();
    }
}

using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Observability;

/// <summary>What Kestrel answers itself, before the application sees a request, is logged: status and reason, no header value.</summary>
public sealed class ServerRejectionLogTests(OwnSqliteApi api) : IClassFixture<OwnSqliteApi>
{
    private const string Secret = "dbn_live_secret_in_a_header_0123456789";

    [Theory]
    [InlineData(431, "the request headers are too large")]
    [InlineData(414, "the request line is too long")]
    [InlineData(400, "the request line or headers are malformed")]
    public async Task ARequestTheServerRejects_IsLoggedWithItsStatusAndReason_WithoutHeaderValues(int status, string reason)
    {
        var head = status switch
        {
            431 => $"GET /api/v2/workspace HTTP/1.1\r\nAuthorization: Bearer {Secret}\r\nX-Padding: {new string('p', 64 * 1024)}",
            414 => $"GET /api/v2/workspace?token={Secret}{new string('q', 16 * 1024)} HTTP/1.1",
            _ => $"GET /api/v2/workspace HTTP/1.1\r\nBad Header: {Secret}",
        };

        using var client = api.CreateClient();
        var response = await RawHttp.SendAsync(client.BaseAddress!, head, []);

        Assert.Equal(status, response.Status);
        Assert.Contains(api.Log.Collector.GetSnapshot(), r => r.Message.StartsWith($"HTTP request answered {status} by the server itself: {reason}", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Log.Lines, m => m.Contains(Secret, StringComparison.Ordinal));
    }
}

using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Observability;

/// <summary>
/// The shared service's log lines reach the output of the test whose request wrote them (shown when that test
/// fails), and no other test's output.
/// </summary>
public sealed class TestOutputTests(SqliteApi api)
{
    [Fact]
    public async Task ALineOfThisTestsRequest_IsInItsOutput_AndALineOfAnotherClientsRequestIsNot()
    {
        var ours = $"/not-a-route-{Guid.NewGuid():N}";
        var theirs = $"/not-a-route-{Guid.NewGuid():N}";
        using var client = api.CreateClient();
        using var other = new HttpClient { BaseAddress = client.BaseAddress };

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ours, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(theirs, TestContext.Current.CancellationToken)).StatusCode);
        await api.Log.WaitForAsync(r => r.Message.Contains(ours, StringComparison.Ordinal));
        await api.Log.WaitForAsync(r => r.Message.Contains(theirs, StringComparison.Ordinal));

        var output = TestContext.Current.TestOutputHelper!.Output;
        Assert.Contains($"HTTP GET {ours} answered 404", output, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, output, StringComparison.Ordinal);
    }
}

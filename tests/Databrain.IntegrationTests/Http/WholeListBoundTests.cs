using System.Net;
using System.Net.Http.Headers;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

/// <summary>
/// Whole lists are bounded in how many an instance serves at once (docs/api.md, "GET /api/v2/workspace"): here one,
/// with no wait. A client that does not read holds its list's slot (its answer, 12 MB, is far more than the sockets
/// buffer); meanwhile another whole list gets 429 with Retry-After, and pages are served. Once the first answer has
/// been read, the next whole list is served. The bound is checked after authentication. Each provider's run has a
/// database of its own.
/// </summary>
public abstract class WholeListBoundTests(TestDatabase database) : OwnDatabaseTests(database)
{
    private ServiceFactory? _service;

    protected override async ValueTask DisposeOwnAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    [Fact]
    public async Task WhileAWholeListIsBeingRead_AnotherGets429_APageIsServed_AndAfterwardsTheNextIsServed()
    {
        _service = new ServiceFactory(Database, settings: new Dictionary<string, string>
        {
            ["Lists:WholeListsAtOnce"] = "1",
            ["Lists:WholeListWaitMilliseconds"] = "0",
        });
        _service.StartServer();
        var org = await _service.Services.CreateOrganizationAsync();
        await Database.AddWorkspacesAsync(org.Name, 200_000);
        using var slowClient = _service.CreateClient();
        using var client = _service.CreateClient();

        using var slowRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v2/workspace");
        slowRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", org.Token);
        using var slow = await slowClient.SendAsync(slowRequest, HttpCompletionOption.ResponseHeadersRead);
        var refused = await client.SendAsync(HttpMethod.Get, org.Token, "?isPagination=false");
        var unauthenticated = await client.SendAsync(HttpMethod.Get, "wrong-token");
        var page = await client.SendAsync(HttpMethod.Get, org.Token, "?isPagination=true&pageNumber=3");
        var slowBody = await slow.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        Assert.Equal((HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS"), (refused.Status, refused.ErrorCode));
        Assert.Equal("1", refused.Message.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.Status); // authentication comes first
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.EndsWith("""{"name":"workspace-200000","connectionType":"MULTI_DATAMART"}],"error":null}""", slowBody, StringComparison.Ordinal);

        // The slot is given back when the first request's answer is written whole, a moment after its client has it.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        ApiResponse next;
        while ((next = await client.SendAsync(HttpMethod.Get, org.Token)).Status == HttpStatusCode.TooManyRequests)
        {
            await Task.Delay(50, patience.Token);
        }

        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal(200_000, next.Data.GetArrayLength());
    }
}

public sealed class WholeListBoundOnSqlite() : WholeListBoundTests(new SqliteTestDatabase());

public sealed class WholeListBoundOnPostgreSql() : WholeListBoundTests(new PostgreSqlTestDatabase());

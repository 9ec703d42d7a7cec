using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

/// <summary>
/// A server database that becomes unreachable in the middle of a run, and comes back: the service reaches it
/// through the test's own proxy, which the test cuts and restores (the server other tests share keeps running).
/// While it is cut, a write answers the 500 envelope and the service reports not ready; once it is back, the
/// service serves again without a restart. Each outcome is waited for; no time is asserted.
/// </summary>
public abstract class DatabaseOutageTests(TestDatabase database) : OwnDatabaseTests(database)
{
    private const string Internal = """{"data":null,"error":{"code":"INTERNAL_SERVER_ERROR","message":"An unexpected error occurred. It has been logged; please try again later."}}""";

    private TcpProxy? _proxy;
    private ServiceFactory? _service;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var (host, port) = Database.Server!.Value;
        _proxy = new TcpProxy(host, port);
        _service = new ServiceFactory(Database, settings: new Dictionary<string, string>
        {
            ["ConnectionStrings:Databrain"] = Database.ConnectionStringVia(_proxy.Port),
            ["Health:ReadyCacheSeconds"] = "0",
            ["Database:CommandTimeoutSeconds"] = "5",
        });
        _service.StartServer();
    }

    protected override async ValueTask DisposeOwnAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheDatabaseCut_Answers500AndNotReady_ThenServesAgainOnceItIsBack()
    {
        var org = await _service!.Services.CreateOrganizationAsync();
        using var client = _service.CreateClient();
        Task<ApiResponse> Create(string name) => client.CreateWorkspaceAsync(org.Token, new { name, connectionType = "MULTI_DATAMART" });
        Assert.Equal(HttpStatusCode.OK, (await Create("before")).Status);

        await _proxy!.CutAsync();
        var during = await Create("during");
        var notReady = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal((HttpStatusCode.InternalServerError, Internal), (during.Status, during.Body));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);

        _proxy.Restore();
        await WaitUntilReadyAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await Create("after")).Status);
        Assert.Equal(["before", "after"], await client.ListNamesAsync(org.Token));
    }

    /// <summary>Polls readiness until the service has a working connection again (a generous bound, not a timing assertion).</summary>
    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative), patience.Token)).StatusCode != HttpStatusCode.OK)
        {
            await Task.Delay(100, patience.Token);
        }
    }
}

public sealed class DatabaseOutageOnPostgreSql() : DatabaseOutageTests(new PostgreSqlTestDatabase());

public sealed class DatabaseOutageOnSqlServer() : DatabaseOutageTests(new SqlServerTestDatabase());

using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Instances;

/// <summary>
/// Every guarantee holds across instances, because the database decides it (docs/api.md and docs/operations.md):
/// requests spread round-robin over three instances on one database. No answer is a 5xx.
/// </summary>
public abstract class SeveralInstancesTests<TDatabase>(SeveralInstances<TDatabase> service) : InstancesTests<TDatabase>(service)
    where TDatabase : TestDatabase, new()
{
    private static void NoServerError(IEnumerable<ApiResponse> answers) =>
        Assert.All(answers, a => Assert.True((int)a.Status < 500, $"{a.Status} {a.Body}"));

    [Fact]
    public async Task SixtyFourCreatesOfOneName_OverThreeInstances_ExactlyOneSucceeds()
    {
        var org = await Service.CreateOrganizationAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            Instance(i).CreateWorkspaceAsync(org.Token, new { name = "Contended", connectionType = "MULTI_DATAMART", aiCopilotLlms = new[] { "gpt-4o" } }))));

        NoServerError(answers);
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal("WORKSPACE_NAME_ALREADY_EXISTS", a.ErrorCode));
        Assert.Equal(["Contended"], await Instance(0).ListNamesAsync(org.Token));
    }

    [Fact]
    public async Task OneIdempotencyKey_SentToEveryInstanceAtOnce_HasExactlyOneEffect()
    {
        var org = await Service.CreateOrganizationAsync();
        var body = new { name = "Keyed once", connectionType = "MULTI_DATAMART" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            Instance(i).SendAsync(HttpMethod.Post, org.Token, body: body, headers: ("Idempotency-Key", "one-key-three-instances")))));

        NoServerError(answers);
        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK || a.ErrorCode == "IDEMPOTENCY_KEY_IN_USE", $"{a.Status} {a.Body}"));
        Assert.Contains(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Equal(["Keyed once"], await Instance(1).ListNamesAsync(org.Token));
        var again = await Instance(2).SendAsync(HttpMethod.Post, org.Token, body: body, headers: ("Idempotency-Key", "one-key-three-instances"));
        Assert.Equal((HttpStatusCode.OK, "true"), (again.Status, again.Message.Headers.GetValues("Idempotent-Replayed").Single()));
    }

    [Fact]
    public async Task ThirtyTwoUpdatesWithOneIfMatch_OverThreeInstances_HaveExactlyOneWinner()
    {
        var org = await Service.CreateOrganizationAsync();
        var created = await Instance(0).CreateWorkspaceAsync(org.Token, new { name = "Revenue", connectionType = "MULTI_DATAMART" });
        Assert.Equal(HttpStatusCode.OK, created.Status);

        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => Instance(i).SendAsync(
            HttpMethod.Put,
            org.Token,
            body: new { name = "Revenue", connectionType = "MULTI_DATAMART", aiCopilotLlms = new[] { i % 2 == 0 ? "gpt-4o" : "llama-3" } },
            headers: ("If-Match", created.ETag()!)))));

        NoServerError(answers);
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal("WORKSPACE_VERSION_MISMATCH", a.ErrorCode));
        var stored = await Instance(2).SendAsync(HttpMethod.Get, org.Token, "?name=Revenue");
        Assert.Equal(2, stored.Data.GetProperty("version").GetInt64());
    }

    /// <summary>
    /// Revocation reaches every instance within Auth:TokenCacheSeconds (here 1 s): both instances have the token in
    /// their cache when it is revoked; the test polls until both answer 401 (a generous bound, no timing assertion).
    /// </summary>
    [Fact]
    public async Task ARevokedToken_StopsWorkingOnEveryInstance_OnceItsCacheTimeHasPassed()
    {
        var org = await Service.CreateOrganizationAsync();
        var settings = new Dictionary<string, string> { ["Database__MigrateOnStartup"] = "false", ["Auth__TokenCacheSeconds"] = "1" };
        await using var first = ServiceInstance.Start(Service.Database, settings);
        await using var second = ServiceInstance.Start(Service.Database, settings);
        await Task.WhenAll(first.WaitUntilAsync(), second.WaitUntilAsync());
        using var clients = new ClientPair(first, second);
        Assert.All(await clients.ListAsync(org.Token), status => Assert.Equal(HttpStatusCode.OK, status));

        var listed = await ServiceProcess.RunAsync(Service.Database.Provider.ToString(), Service.Database.ConnectionString!, "token", "list", "--organization", org.Name);
        var id = listed.StandardOutput.Split('\n')[1].Split('\t')[0];
        var revoked = await ServiceProcess.RunAsync(Service.Database.Provider.ToString(), Service.Database.ConnectionString!, "token", "revoke", id);
        Assert.True(revoked.ExitCode == 0, revoked.StandardError);

        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while ((await clients.ListAsync(org.Token)).Any(status => status != HttpStatusCode.Unauthorized))
        {
            await Task.Delay(100, patience.Token);
        }
    }

    private sealed class ClientPair(ServiceInstance first, ServiceInstance second) : IDisposable
    {
        private readonly HttpClient[] _clients = [new() { BaseAddress = first.BaseAddress }, new() { BaseAddress = second.BaseAddress }];

        public async Task<HttpStatusCode[]> ListAsync(string token) =>
            await Task.WhenAll(_clients.Select(async c => (await c.ListWorkspacesAsync(token)).Status));

        public void Dispose()
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }
    }
}

public sealed class SeveralInstancesOnSqlite(SeveralInstances<SqliteTestDatabase> service)
    : SeveralInstancesTests<SqliteTestDatabase>(service), IClassFixture<SeveralInstances<SqliteTestDatabase>>;

public sealed class SeveralInstancesOnPostgreSql(SeveralInstances<PostgreSqlTestDatabase> service)
    : SeveralInstancesTests<PostgreSqlTestDatabase>(service), IClassFixture<SeveralInstances<PostgreSqlTestDatabase>>;

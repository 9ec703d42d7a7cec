using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Instances;

/// <summary>
/// Every guarantee holds across instances, because the database decides it (docs/api.md and docs/operations.md):
/// requests spread round-robin over three instances on one database. No answer is a 5xx.
/// </summary>
public abstract class SeveralInstancesTests<TDatabase>(SeveralInstances<TDatabase> service) : IAsyncLifetime
    where TDatabase : TestDatabase, new()
{
    private HttpClient[] _clients = [];

    public ValueTask InitializeAsync()
    {
        service.Database.SkipIfUnavailable();
        _clients = service.Instances.Select(i => new HttpClient { BaseAddress = i.BaseAddress }).ToArray();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private HttpClient Instance(int i) => _clients[i % _clients.Length];

    private static void NoServerError(IEnumerable<ApiResponse> answers) =>
        Assert.All(answers, a => Assert.True((int)a.Status < 500, $"{a.Status} {a.Body}"));

    [Fact]
    public async Task SixtyFourCreatesOfOneName_OverThreeInstances_ExactlyOneSucceeds()
    {
        var org = await service.CreateOrganizationAsync();

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
        var org = await service.CreateOrganizationAsync();
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
        var org = await service.CreateOrganizationAsync();
        Assert.Equal(HttpStatusCode.OK, (await Instance(0).CreateWorkspaceAsync(org.Token, new { name = "Revenue", connectionType = "MULTI_DATAMART" })).Status);

        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => Instance(i).SendAsync(
            HttpMethod.Put,
            org.Token,
            body: new { name = "Revenue", connectionType = "MULTI_DATAMART", aiCopilotLlms = new[] { i % 2 == 0 ? "gpt-4o" : "llama-3" } },
            headers: ("If-Match", "\"1\"")))));

        NoServerError(answers);
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal("WORKSPACE_VERSION_MISMATCH", a.ErrorCode));
        var stored = await Instance(2).SendAsync(HttpMethod.Get, org.Token, "?name=Revenue");
        Assert.Equal(2, stored.Data.GetProperty("version").GetInt64());
    }
}

public sealed class SeveralInstancesOnSqlite(SeveralInstances<SqliteTestDatabase> service)
    : SeveralInstancesTests<SqliteTestDatabase>(service), IClassFixture<SeveralInstances<SqliteTestDatabase>>;

public sealed class SeveralInstancesOnPostgreSql(SeveralInstances<PostgreSqlTestDatabase> service)
    : SeveralInstancesTests<PostgreSqlTestDatabase>(service), IClassFixture<SeveralInstances<PostgreSqlTestDatabase>>;

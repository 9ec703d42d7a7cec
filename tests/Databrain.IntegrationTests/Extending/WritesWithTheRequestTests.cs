using System.Net;
using Dapper;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Workspaces.CreateWorkspace;
using Databrain.Infrastructure.Persistence;
using Databrain.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using IPipelineBehaviorOf = MediatR.IPipelineBehavior<Databrain.Application.Workspaces.CreateWorkspace.CreateWorkspaceCommand, Databrain.Application.Common.Results.Result<Databrain.Application.Workspaces.CreateWorkspace.CreatedWorkspace>>;
using RequestHandlerDelegate = MediatR.RequestHandlerDelegate<Databrain.Application.Common.Results.Result<Databrain.Application.Workspaces.CreateWorkspace.CreatedWorkspace>>;

namespace Databrain.IntegrationTests.Extending;

/// <summary>
/// A concern of another team that writes with the request (docs/adding-a-command.md, "A concern that writes with
/// the request"): a behavior asks for the request's unit of work and enlists its own command, here a row per
/// create in a table of its own, without a change to the service's code. Its row commits with the workspace, or
/// neither does; a keyed create writes it once, and its replay not again. Each case has a database of its own.
/// </summary>
public abstract class WritesWithTheRequestTests(TestDatabase database) : OwnDatabaseTests(database)
{
    private ServiceFactory? _service;

    protected override async ValueTask DisposeOwnAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    private async Task<(HttpClient Client, TestOrganization Org)> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        _service = new ServiceFactory(Database, settings: settings, services: services => services
            .AddScoped<CreatedLog>()
            .AddScoped<IPipelineBehaviorOf, LogsCreates>());
        _service.StartServer();
        await using (var connection = Database.CreateConnection())
        {
            // The concern's own migration: a workspace named Refused cannot be logged, which fails its write.
            await connection.ExecuteAsync("CREATE TABLE CreatedLog (Name VARCHAR(100) NOT NULL CHECK (Name <> 'Refused'))");
        }

        return (_service.CreateClient(), await _service.Services.CreateOrganizationAsync());
    }

    private async Task<(long Workspaces, long Logged)> StoredAsync(string name)
    {
        await using var connection = Database.CreateConnection();
        return (
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Workspaces WHERE Name = @Name", new { Name = name }),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM CreatedLog WHERE Name = @Name", new { Name = name }));
    }

    [Fact]
    public async Task TheConcernsRow_CommitsWithTheWorkspace_OrNeitherIsStored()
    {
        var (client, org) = await StartAsync();

        var created = await client.CreateWorkspaceAsync(org.Token, new { name = "Logged", connectionType = "MULTI_DATAMART" });
        var refused = await client.CreateWorkspaceAsync(org.Token, new { name = "Refused", connectionType = "MULTI_DATAMART" });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal((1L, 1L), await StoredAsync("Logged"));
        Assert.Equal(HttpStatusCode.InternalServerError, refused.Status);
        Assert.Equal((0L, 0L), await StoredAsync("Refused"));
    }

    [Fact]
    public async Task AKeyedCreate_LogsOnce_AndItsReplayDoesNotLogAgain()
    {
        var (client, org) = await StartAsync();
        var body = new { name = "Keyed", connectionType = "MULTI_DATAMART" };

        var first = await client.SendAsync(HttpMethod.Post, org.Token, body: body, headers: ("Idempotency-Key", "log-once"));
        var replay = await client.SendAsync(HttpMethod.Post, org.Token, body: body, headers: ("Idempotency-Key", "log-once"));
        var refused = await client.SendAsync(HttpMethod.Post, org.Token, body: new { name = "Refused", connectionType = "MULTI_DATAMART" }, headers: ("Idempotency-Key", "refused"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, replay.Status));
        Assert.True(replay.Message.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal((1L, 1L), await StoredAsync("Keyed"));
        Assert.Equal(HttpStatusCode.InternalServerError, refused.Status);
        Assert.Equal((0L, 0L), await StoredAsync("Refused"));
        await using var connection = Database.CreateConnection();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM IdempotencyKeys")); // not the refused one's
    }

    [Fact]
    public async Task ManyKeyedCreatesAtOnce_WithTheConcern_ShareASmallPool()
    {
        // Each create reads before it writes. A request whose unit of work began its transaction before that read
        // would hold one connection while it waits for a second: with more requests than connections, each would
        // wait for the pool's timeout. On PostgreSQL the pool holds 2; SQLite has no pool bound to set.
        var (client, org) = await StartAsync(Database.Provider == DatabaseProvider.PostgreSql
            ? new Dictionary<string, string> { ["ConnectionStrings:Databrain"] = $"{Database.ConnectionString};Maximum Pool Size=2" }
            : null);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => client.SendAsync(
            HttpMethod.Post, org.Token, body: new { name = $"Pooled {i}", connectionType = "MULTI_DATAMART" }, headers: ("Idempotency-Key", $"pooled-{i}"))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal((1L, 1L), await StoredAsync("Pooled 11"));
    }

    /// <summary>The concern's behavior: the rest of the request, then its own row, in the request's unit of work.</summary>
    private sealed class LogsCreates(IUnitOfWork unitOfWork, CreatedLog log) : IPipelineBehaviorOf
    {
        public Task<Result<CreatedWorkspace>> Handle(CreateWorkspaceCommand request, CancellationToken cancellationToken, RequestHandlerDelegate next) =>
            unitOfWork.RunAsync(
                async () =>
                {
                    var result = await next();
                    if (result.IsSuccess && !result.IsReplayed)
                    {
                        await log.WriteAsync(result.Value.Name, cancellationToken);
                    }

                    return (result, true);
                },
                cancellationToken);
    }

    /// <summary>The concern's adapter: its command, sent in the request's transaction.</summary>
    private sealed class CreatedLog(IDatabase database, WriteScope writes)
    {
        public Task<bool> WriteAsync(string name, CancellationToken cancellationToken) =>
            writes.RunAsync(
                async write =>
                {
                    await write.Connection.ExecuteAsync(database.Command("INSERT INTO CreatedLog (Name) VALUES (@Name)", new { Name = name }, cancellationToken, write.Transaction));
                    await write.CommitAsync(cancellationToken);
                    return true;
                },
                cancellationToken);
    }
}

public sealed class WritesWithTheRequestOnSqlite() : WritesWithTheRequestTests(new SqliteTestDatabase());

public sealed class WritesWithTheRequestOnPostgreSql() : WritesWithTheRequestTests(new PostgreSqlTestDatabase());

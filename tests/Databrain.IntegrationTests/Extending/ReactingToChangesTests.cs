using System.Collections.Concurrent;
using System.Net;
using Dapper;
using Databrain.Application.Common.Ports;
using Databrain.Application.History;
using Databrain.Application.History.Ports;
using Databrain.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using INotificationHandlerOfChanges = MediatR.INotificationHandler<Databrain.Application.History.WorkspaceChanged>;

namespace Databrain.IntegrationTests.Extending;

/// <summary>
/// Another team's code reacting to changes (docs/api.md, "History and change feed"): a MediatR notification handler,
/// registered from test code only, gets each change once it committed; one that throws is logged, and the answers
/// stay what they were. Each case has a database of its own.
/// </summary>
public abstract class ReactingToChangesTests(TestDatabase database) : OwnDatabaseTests(database)
{
    private readonly ConcurrentQueue<ChangeRecord> _seen = new();
    private ServiceFactory? _service;

    protected override async ValueTask DisposeOwnAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    private async Task<(HttpClient Client, TestOrganization Org)> StartAsync()
    {
        _service = new ServiceFactory(Database, services: services => services
            .AddScoped<INotificationHandlerOfChanges, Throws>()
            .AddSingleton(_seen)
            .AddScoped<INotificationHandlerOfChanges, Collects>());
        _service.StartServer();
        return (_service.CreateClient(), await _service.Services.CreateOrganizationAsync());
    }

    [Fact]
    public async Task EachCommittedChange_ReachesTheHandlers_AndAThrowingOneIsLogged_WithoutChangingTheAnswer()
    {
        var (client, org) = await StartAsync();
        var body = new { name = "Watched", connectionType = "MULTI_DATAMART" };

        var created = await client.SendAsync(HttpMethod.Post, org.Token, body: body, headers: ("Idempotency-Key", "watched"));
        var replayed = await client.SendAsync(HttpMethod.Post, org.Token, body: body, headers: ("Idempotency-Key", "watched"));
        var rejected = await client.CreateWorkspaceAsync(org.Token, body);
        var deleted = await client.SendAsync(HttpMethod.Delete, org.Token, "?name=Watched");

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK),
            (created.Status, replayed.Status, rejected.Status, deleted.Status));
        Assert.Equal([(1L, "create"), (2L, "delete")], _seen.Select(r => (r.Sequence, r.Operation)));
        Assert.Equal(2, _service!.Log.Lines.Count(l => l.Contains("The handler Throws failed on change record", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AfterCommit_RunsOnlyOnceTheWritesCommitted()
    {
        var (_, org) = await StartAsync();
        await using var connection = Database.CreateConnection();
        var organizationId = await connection.ExecuteScalarAsync<long>("SELECT Id FROM Organizations WHERE Name = @Name", new { org.Name });
        var ran = new List<string>();

        foreach (var commit in new[] { false, true })
        {
            await using var scope = _service!.Services.CreateAsyncScope();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            var records = scope.ServiceProvider.GetRequiredService<IChangeRecords>();
            await unitOfWork.RunAsync(
                async () =>
                {
                    await records.AppendAsync(organizationId, new WorkspaceChange("w", $"commit {commit}", WorkspaceChange.Create, 1, []), "tok_x", null, DateTimeOffset.UtcNow, CancellationToken.None);
                    unitOfWork.AfterCommit(() =>
                    {
                        ran.Add($"commit {commit}");
                        return Task.CompletedTask;
                    });
                    return (true, commit);
                },
                CancellationToken.None);
        }

        Assert.Equal(["commit True"], ran);
        Assert.Equal(["commit True"], await connection.QueryAsync<string>("SELECT Name FROM WorkspaceChanges"));
    }

    /// <summary>Another team's handler that fails.</summary>
    private sealed class Throws : INotificationHandlerOfChanges
    {
        public Task Handle(WorkspaceChanged notification, CancellationToken cancellationToken) => throw new InvalidOperationException("not today");
    }

    /// <summary>Another team's handler that keeps what it got.</summary>
    private sealed class Collects(ConcurrentQueue<ChangeRecord> seen) : INotificationHandlerOfChanges
    {
        public Task Handle(WorkspaceChanged notification, CancellationToken cancellationToken)
        {
            seen.Enqueue(notification.Record);
            return Task.CompletedTask;
        }
    }
}

public sealed class ReactingToChangesOnSqlite() : ReactingToChangesTests(new SqliteTestDatabase());

public sealed class ReactingToChangesOnPostgreSql() : ReactingToChangesTests(new PostgreSqlTestDatabase());

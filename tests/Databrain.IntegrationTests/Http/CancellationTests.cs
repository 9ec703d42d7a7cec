using Dapper;
using Databrain.Application.Workspaces.Ports;
using Databrain.Infrastructure.Persistence;
using Databrain.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Databrain.IntegrationTests.Http;

/// <summary>
/// A client that gives up while its write waits for a lock that another session holds: the cancellation reaches
/// the database work, which ends as cancelled (not with the provider's lock timeout), and nothing is stored. On a
/// service and database of its own, with a command timeout long enough that only the cancellation can end the wait.
/// </summary>
public abstract class CancellationTests(TestDatabase database) : OwnDatabaseTests(database)
{
    private ServiceFactory? _service;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _service = new ServiceFactory(Database, settings: new Dictionary<string, string> { ["Database:CommandTimeoutSeconds"] = "120" });
        _service.StartServer();
    }

    protected override async ValueTask DisposeOwnAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    [Fact]
    public async Task ClientThatDisconnects_CancelsTheDatabaseWork()
    {
        var org = await _service!.Services.CreateOrganizationAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recorder = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var slow = _service.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.Decorate<IWorkspaceRepository>(inner => RecordingAdds(inner, started, recorder))));
        using var client = slow.CreateClient();

        await using var holder = await HoldWriteLockAsync();
        using var giveUp = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiCalls.Route)
        {
            Content = new StringContent("""{"name":"W","connectionType":"MULTI_DATAMART"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", org.Token);
        var sending = client.SendAsync(request, giveUp.Token);
        await started.Task;
        await WaitUntilTheWriteWaitsAsync(holder);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        var outcome = await recorder.Task;
        Assert.True(outcome is OperationCanceledException, $"the write ended with {outcome}");
        await holder.DisposeAsync();
        Assert.Empty(await client.ListNamesAsync(org.Token));
    }

    /// <summary>Another session in the middle of a write that holds the lock a create needs, until it is disposed.</summary>
    private async Task<System.Data.Common.DbConnection> HoldWriteLockAsync()
    {
        var holder = Database.CreateConnection();
        await holder.OpenAsync();
        await holder.ExecuteAsync(Database.Provider switch
        {
            // SQLite's single write lock, taken at once.
            DatabaseProvider.Sqlite => "BEGIN IMMEDIATE; INSERT INTO Organizations (Name) VALUES ('another process');",
            DatabaseProvider.PostgreSql => "BEGIN; LOCK TABLE Workspaces IN EXCLUSIVE MODE;",
            _ => "BEGIN TRANSACTION; SELECT TOP 0 Id FROM dbo.Workspaces WITH (TABLOCKX, HOLDLOCK);",
        });
        return holder;
    }

    /// <summary>
    /// On a server, until the server shows the service's write blocked behind the holder. On SQLite the wait runs
    /// inside the repository's call before it returns a task (its lock is retried in one-second attempts), so the
    /// call having started is enough.
    /// </summary>
    private async Task WaitUntilTheWriteWaitsAsync(System.Data.Common.DbConnection holder)
    {
        var blocked = Database.Provider switch
        {
            DatabaseProvider.Sqlite => null,
            DatabaseProvider.PostgreSql => "SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND relation = 'workspaces'::regclass",
            _ => "SELECT COUNT(*) FROM sys.dm_exec_requests WHERE blocking_session_id = @@SPID",
        };
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (blocked is not null && await holder.ExecuteScalarAsync<long>(new CommandDefinition(blocked, cancellationToken: patience.Token)) == 0)
        {
            await Task.Delay(50, patience.Token);
        }
    }

    /// <summary>The repository, reporting when its first create starts, and how it ended: null when it completed, else the exception.</summary>
    private static IWorkspaceRepository RecordingAdds(IWorkspaceRepository inner, TaskCompletionSource started, TaskCompletionSource<Exception?> outcome) =>
        Intercept.Around(inner, (method, call) =>
        {
            if (method.Name != nameof(IWorkspaceRepository.TryAddAsync))
            {
                return call();
            }

            started.TrySetResult();
            var result = call();
            ((Task)result!).ContinueWith(
                added => outcome.TrySetResult(added.Exception?.InnerException ?? (added.IsCanceled ? new OperationCanceledException() : null)),
                TaskScheduler.Default);

            return result;
        });
}

public sealed class CancellationOnSqlite() : CancellationTests(new SqliteTestDatabase());

public sealed class CancellationOnPostgreSql() : CancellationTests(new PostgreSqlTestDatabase());

public sealed class CancellationOnSqlServer() : CancellationTests(new SqlServerTestDatabase());
